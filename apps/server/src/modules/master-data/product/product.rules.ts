import { hasValidCheckDigit } from '@custodia/gs1';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Pure cross-field checks of a product record (used on create and on every update). */
export function checkProductFields(value: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const min = value.storageTempMin, max = value.storageTempMax;
  if (min != null && max != null && Number(min) > Number(max)) {
    problems.push({ path: 'storageTempMax', message: 'storageTempMax must not be below storageTempMin' });
  }
  if (typeof value.udiDi === 'string' && /^\d{14}$/.test(value.udiDi) && !hasValidCheckDigit(value.udiDi)) {
    problems.push({ path: 'udiDi', message: 'GTIN check digit is wrong (GS1-01)' });
  }
  return problems;
}
