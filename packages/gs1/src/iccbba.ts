/**
 * ICCBBA (ISBT 128) data structures, recognised by a leading "=" or "&"
 * data identifier (US-GUDID-01). Concatenated structures are read in order;
 * an unknown data identifier is rejected rather than guessed.
 * Dates are cyyjjj: year 2000 + cyy, then the day of the year.
 */
import { ordinalToIso } from './dates.ts';
import { Gs1Error } from './errors.ts';
import { makeResult, type ParseResult } from './result.ts';
import type { Element } from './validate.ts';

type Field = 'di' | 'serial' | 'donationId' | 'expiry' | 'productionDate' | 'lot';

interface Structure {
  readonly identifier: string;
  readonly field: Field;
  readonly length: number;
  readonly pattern: RegExp;
  readonly date?: boolean;
}

const STRUCTURES: readonly Structure[] = [
  { identifier: '=/', field: 'di', length: 16, pattern: /^[0-9A-Z]+$/ },
  { identifier: '=,', field: 'serial', length: 6, pattern: /^[0-9A-Z]+$/ },
  { identifier: '=>', field: 'expiry', length: 6, pattern: /^\d+$/, date: true },
  { identifier: '&>', field: 'expiry', length: 10, pattern: /^\d+$/, date: true },
  { identifier: '=}', field: 'productionDate', length: 6, pattern: /^\d+$/, date: true },
  { identifier: '&}', field: 'productionDate', length: 10, pattern: /^\d+$/, date: true },
  { identifier: '&,1', field: 'lot', length: 18, pattern: /^[0-9A-Z]+$/ },
];

/** Donation identification number: "=" then 15 characters whose first is not a data-identifier symbol. */
const DIN = /^[A-NP-Z1-9][0-9A-Z]{14}$/;

export function looksLikeIccbba(input: string): boolean {
  return input.startsWith('=') || input.startsWith('&');
}

export function parseIccbba(input: string, base: number, symbology: string | null): ParseResult {
  const fields: Partial<Record<Field, string>> = {};
  const elements: Element[] = [];
  let p = 0;
  while (p < input.length) {
    const structure = STRUCTURES.find((s) => input.startsWith(s.identifier, p));
    if (structure) {
      const start = p + structure.identifier.length;
      const raw = input.slice(start, start + structure.length);
      if (raw.length !== structure.length || !structure.pattern.test(raw)) {
        throw new Gs1Error('GS1_ICCBBA_BAD_FORMAT', base + start, { detail: structure.identifier }, 'ICCBBA');
      }
      // Date-time structures carry hhmm after cyyjjj; the date part is kept.
      const value = structure.date ? cyyjjjToIso(raw.slice(0, 6), base + start) : raw;
      if (fields[structure.field] === undefined) fields[structure.field] = value;
      elements.push({ ai: structure.identifier, value: raw });
      p = start + structure.length;
      continue;
    }
    const din = input.slice(p + 1, p + 16);
    if (input[p] === '=' && DIN.test(din)) {
      fields.donationId ??= din;
      elements.push({ ai: '=', value: din });
      p += 16;
      continue;
    }
    throw new Gs1Error('GS1_ICCBBA_UNSUPPORTED', base + p, { detail: input.slice(p, p + 3) }, 'ICCBBA');
  }
  return makeResult({
    scheme: 'ICCBBA',
    di: fields.di ?? null,
    elements,
    lot: fields.lot ?? null,
    serial: fields.serial ?? null,
    expiry: fields.expiry ?? null,
    productionDate: fields.productionDate ?? null,
    donationId: fields.donationId ?? null,
    hri: input,
    symbology,
  });
}

function cyyjjjToIso(cyyjjj: string, position: number): string {
  const iso = ordinalToIso(2000 + Number(cyyjjj.slice(0, 3)), Number(cyyjjj.slice(3, 6)));
  if (!iso) throw new Gs1Error('GS1_BAD_DATE', position, {}, 'ICCBBA');
  return iso;
}
