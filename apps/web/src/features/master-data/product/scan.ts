import type { ParseResult } from '@custodia/gs1';

/** The 14-digit DI of a scan: the GTIN of AI (01), else a 14-digit DI of another scheme; null otherwise. */
export function diFromScan(result: Pick<ParseResult, 'gtin' | 'di'>): string | null {
  if (result.gtin && /^\d{14}$/.test(result.gtin)) return result.gtin;
  if (result.di && /^\d{14}$/.test(result.di)) return result.di;
  return null;
}
