/** GS1 check digits: mod-10 (GTIN, SSCC, GLN…) and the alphanumeric pair of GMN/MUDI. GS1-01. */
import { CSET82 } from './charsets.ts';

/** Mod-10 check digit for a digit string without its check digit; weights 3,1,3… from the right. */
export function mod10CheckDigit(digits: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the mod-10 check digit of the others. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return mod10CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83];

/** The two check characters (GenSpecs 7.9.5) for CSET 82 data of at most 23 characters; null if out of range. */
export function alphaCheckPair(data: string): string | null {
  if (data.length > PRIMES.length) return null;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const value = CSET82.indexOf(data.charAt(i));
    if (value < 0) return null;
    sum += value * (PRIMES[data.length - 1 - i] as number);
  }
  sum %= 1021;
  return CSET32.charAt(sum >> 5) + CSET32.charAt(sum & 31);
}
