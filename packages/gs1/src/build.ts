/** The reverse direction: fields or elements → validated element string, HRI and Digital Link. */
import { isDigits } from './charsets.ts';
import { isoToYymmdd } from './dates.ts';
import { Gs1Error } from './errors.ts';
import { gs1Result, type ParseResult } from './result.ts';
import { validateElements, type Element } from './validate.ts';

export interface BuildOptions {
  readonly today?: Date;
  /** Domain or stem for the Digital Link. Default https://id.gs1.org. */
  readonly dlDomain?: string;
}

export interface Fields {
  /** GTIN-8/12/13/14; stored as 14 digits (US-GUDID-01). */
  readonly gtin?: string;
  /** (02) GTIN of contained trade items, with `sscc` and `count`. */
  readonly content?: string;
  readonly sscc?: string;
  readonly lot?: string;
  readonly serial?: string;
  /** ISO yyyy-mm-dd. */
  readonly expiry?: string;
  /** ISO yyyy-mm-dd. */
  readonly productionDate?: string;
  /** (37) with `content`, otherwise (30). */
  readonly count?: number;
  /** Any other AIs, appended after the fields above. */
  readonly extra?: readonly Element[];
}

/** Validates elements (values and associations) and returns the same shape as `parse`. */
export function fromElements(elements: readonly Element[], options: BuildOptions = {}): ParseResult {
  const today = options.today ?? new Date();
  const located = elements.map((e, i) => {
    if (typeof e?.ai !== 'string' || typeof e.value !== 'string') throw new Gs1Error('GS1_BAD_FIELD', i, { detail: `element ${i}` });
    return { ai: e.ai, value: e.value, position: i, valuePosition: i };
  });
  if (located.length === 0) throw new Gs1Error('GS1_EMPTY_INPUT', 0);
  validateElements(located, { today });
  return gs1Result(located, { today, dlDomain: options.dlDomain });
}

/**
 * Maps fields to AIs in the usual UDI order — (00) (01) (02) (11) (17) (37)/(30) (10) (21) —
 * predefined-length AIs first so that fewer separators are needed.
 */
export function fromFields(fields: Fields, options: BuildOptions = {}): ParseResult {
  const today = options.today ?? new Date();
  const elements: Element[] = [];
  const add = (ai: string, value: string | undefined) => {
    if (value !== undefined) elements.push({ ai, value });
  };
  add('00', fields.sscc);
  add('01', fields.gtin === undefined ? undefined : normaliseGtin(fields.gtin));
  add('02', fields.content === undefined ? undefined : normaliseGtin(fields.content));
  add('11', fields.productionDate === undefined ? undefined : toYymmdd(fields.productionDate, 'productionDate', today));
  add('17', fields.expiry === undefined ? undefined : toYymmdd(fields.expiry, 'expiry', today));
  if (fields.count !== undefined) {
    if (!Number.isSafeInteger(fields.count) || fields.count < 0) throw new Gs1Error('GS1_BAD_FIELD', 0, { detail: 'count' });
    add(fields.content !== undefined ? '37' : '30', String(fields.count));
  }
  add('10', fields.lot);
  add('21', fields.serial);
  elements.push(...(fields.extra ?? []));
  return fromElements(elements, { ...options, today });
}

/** GTIN-8/12/13/14 → 14 digits with leading zeros (GS1-01). The check digit is validated later. */
export function normaliseGtin(gtin: string): string {
  if (!isDigits(gtin) || ![8, 12, 13, 14].includes(gtin.length)) {
    throw new Gs1Error('GS1_BAD_FIELD', 0, { detail: 'GTIN must have 8, 12, 13 or 14 digits' });
  }
  return gtin.padStart(14, '0');
}

function toYymmdd(iso: string, field: string, today: Date): string {
  const yymmdd = typeof iso === 'string' ? isoToYymmdd(iso, today) : null;
  if (!yymmdd) throw new Gs1Error('GS1_BAD_DATE', 0, { detail: `${field} ${String(iso)} (yyyy-mm-dd within the GS1 century window)` });
  return yymmdd;
}
