/** GS1 check digit over all but the last digit of a GTIN (any length 8–14). */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  // weights alternate 3,1,3,… starting from the rightmost data digit
  for (let i = digitsWithoutCheck.length - 1, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) {
    sum += Number(digitsWithoutCheck[i]) * w;
  }
  return (10 - (sum % 10)) % 10;
}

export type UdiDiProblem = 'digits' | 'checkDigit' | null;

/** UDI-DI as GTIN-14: exactly 14 digits with a valid GS1 check digit. */
export function checkUdiDi(value: string): UdiDiProblem {
  if (!/^\d{14}$/.test(value)) return 'digits';
  return gs1CheckDigit(value.slice(0, 13)) === Number(value[13]) ? null : 'checkDigit';
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'format' | 'checkDigit' | null;

/** 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, mod-31 check. */
export function checkCreditCode(value: string): CreditCodeProblem {
  const v = value.trim().toUpperCase();
  // same format as the server: 2 code chars, 6-digit region code, 10 code chars
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return 'format';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(v[i]!) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === v[17] ? null : 'checkDigit';
}

/** Shallow diff of two request bodies: only the keys whose value changed (arrays compared by content). */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    const a = before[key];
    const b = after[key];
    const same = Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
    if (!same) out[key] = b;
  }
  return out;
}
