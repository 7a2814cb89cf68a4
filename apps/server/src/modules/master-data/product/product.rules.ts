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
  const hMin = value.humidityMin, hMax = value.humidityMax;
  if (hMin != null && hMax != null && Number(hMin) > Number(hMax)) {
    problems.push({ path: 'humidityMax', message: 'humidityMax must not be below humidityMin' });
  }
  for (const field of ['humidityMin', 'humidityMax']) {
    if (value[field] != null && Number(value[field]) > 100) problems.push({ path: field, message: 'relative humidity is at most 100 %' });
  }
  const from = value.registrationValidFrom, to = value.registrationValidTo;
  if (typeof from === 'string' && typeof to === 'string' && from > to) {
    problems.push({ path: 'registrationValidTo', message: 'registration validity ends before it starts' });
  }
  if (typeof value.udiDi === 'string' && /^\d{14}$/.test(value.udiDi) && !hasValidCheckDigit(value.udiDi)) {
    problems.push({ path: 'udiDi', message: 'GTIN check digit is wrong (GS1-01)' });
  }
  return problems;
}
