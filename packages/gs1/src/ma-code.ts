/**
 * MA code (IDcode, 中关村工信二维码技术研究院, ISO/IEC 15459 IAC "MA"), CN-UDI-02.
 *
 *   MA.156.M0.100001.10000018.L2020A01.S0001.M200101.V230101
 *   └─ DI: MA . country . industry . registrant . product(packaging+item+check)
 *                                            PI: .L lot .S serial .M production date
 *                                                .V 有效期 / .E 失效期 (expiry) .D sterilisation lot
 *
 * Dates are YYMMDD (GS1 century window) or YYYYMMDD. The product check
 * character is not verified: its algorithm is not in the sources we have.
 */
import { yymmddToIso, yyyymmddToIso } from './dates.ts';
import { Gs1Error } from './errors.ts';
import { makeResult, type ParseResult } from './result.ts';

const DI_PARTS = [/^MA$/, /^\d{3}$/, /^[0-9A-Z]{2}$/, /^[0-9A-Za-z]{1,20}$/, /^[0-9A-Za-z]{1,20}$/];
const PI_VALUE = /^[0-9A-Za-z-]+$/;
const PI_NAMES: Record<string, string> = { L: 'lot', S: 'serial', M: 'productionDate', V: 'expiry', E: 'expiry', D: 'sterilisationLot' };
const DATE_KEYS = new Set(['M', 'V', 'E']);

export function looksLikeMaCode(input: string): boolean {
  return input.startsWith('MA.');
}

export function parseMaCode(input: string, base: number, today: Date, symbology: string | null): ParseResult {
  const parts = input.split('.');
  const starts: number[] = [];
  let at = 0;
  for (const p of parts) {
    starts.push(base + at);
    at += p.length + 1;
  }
  for (let i = 0; i < DI_PARTS.length; i++) {
    if (!DI_PARTS[i]!.test(parts[i] ?? '')) throw new Gs1Error('GS1_MA_BAD_DI', starts[i] ?? base + input.length, {}, 'MA');
  }
  const di = parts.slice(0, DI_PARTS.length).join('.');
  const elements = [{ ai: 'MA', value: di }];
  const fields: Record<string, string> = {};
  const seen = new Set<string>();

  for (let i = DI_PARTS.length; i < parts.length; i++) {
    const part = parts[i]!;
    const key = part.charAt(0);
    const value = part.slice(1);
    const position = starts[i]! - 1;
    if (!(key in PI_NAMES)) throw new Gs1Error('GS1_MA_UNKNOWN_SEPARATOR', position, { detail: `.${key}` }, 'MA');
    if (seen.has(key)) throw new Gs1Error('GS1_MA_DUPLICATE_FIELD', position, { detail: `.${key}` }, 'MA');
    seen.add(key);
    if (value === '') throw new Gs1Error('GS1_EMPTY_VALUE', position, { ai: `.${key}` }, 'MA');
    if (!PI_VALUE.test(value)) throw new Gs1Error('GS1_BAD_CHARACTER', position + 2, { ai: `.${key}` }, 'MA');
    const name = PI_NAMES[key]!;
    if (DATE_KEYS.has(key)) {
      const iso = value.length === 8 ? yyyymmddToIso(value) : yymmddToIso(value, today, false);
      if (!iso) throw new Gs1Error('GS1_BAD_DATE', position + 2, { ai: `.${key}` }, 'MA');
      // .E (失效期) wins over .V (有效期) when both are present.
      if (key === 'E' || !fields[name]) fields[name] = iso;
    } else {
      fields[name] = value;
    }
    elements.push({ ai: `.${key}`, value });
  }

  return makeResult({
    scheme: 'MA',
    di,
    packageLevel: parts[4]!.charAt(0),
    elements,
    lot: fields.lot ?? null,
    serial: fields.serial ?? null,
    expiry: fields.expiry ?? null,
    productionDate: fields.productionDate ?? null,
    sterilisationLot: fields.sterilisationLot ?? null,
    hri: input,
    symbology,
  });
}
