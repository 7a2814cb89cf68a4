/** GS1 character sets (GenSpecs figures 7.11-1 to 7.11-3) as lookup tables. */
import type { Charset } from './ai-types.ts';

/** CSET 82 in GS1 order; the index is the character's value for `csumalpha`. */
export const CSET82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
export const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** File-safe base64 alphabet; `=` padding is handled separately. */
export const CSET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

const TABLES: Record<Exclude<Charset, '64'>, Uint8Array> = {
  N: table('0123456789'),
  '82': table(CSET82),
  '39': table(CSET39),
};
const BASE64 = table(CSET64);

/** Index of the first character outside the set, or -1. */
export function firstInvalidChar(value: string, charset: Charset): number {
  if (charset === '64') return firstInvalidBase64(value);
  const t = TABLES[charset];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 127 || t[c] === 0) return i;
  }
  return -1;
}

/** One or two trailing `=` are allowed as padding when the length is a multiple of 3 (as the reference linter). */
function firstInvalidBase64(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 127 && BASE64[c] === 1) continue;
    const paddingOk = value[i] === '=' && value.length % 3 === 0 &&
      (i === value.length - 1 || (i === value.length - 2 && value[i + 1] === '='));
    return paddingOk ? -1 : i;
  }
  return -1;
}

export function isDigits(value: string): boolean {
  return value.length > 0 && firstInvalidChar(value, 'N') === -1;
}
