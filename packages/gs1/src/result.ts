/** The parse result shared by all schemes, and its GS1 assembly from validated elements. */
import { lookupAi } from './ai-table.ts';
import { yymmddToIso } from './dates.ts';
import { buildDigitalLink, DEFAULT_DL_DOMAIN } from './digital-link.ts';
import { GS } from './element-string.ts';
import { isGs1Error, type Scheme } from './errors.ts';
import type { Element } from './validate.ts';

export type { Scheme };

export interface ParseResult {
  readonly scheme: Scheme;
  /** Device identifier: GTIN-14 for GS1, the MA/HIBCC/ICCBBA DI otherwise (CN-UDI-01, US-GUDID-01). */
  readonly di: string | null;
  /** Packaging level inside the DI: GTIN indicator digit, MA packaging code, HIBCC unit of measure. */
  readonly packageLevel: string | null;
  /** AI/value pairs in input order; for other schemes `ai` holds the data identifier. */
  readonly elements: readonly Element[];
  readonly gtin: string | null;
  readonly lot: string | null;
  readonly serial: string | null;
  /** ISO yyyy-mm-dd. */
  readonly expiry: string | null;
  /** ISO yyyy-mm-dd. */
  readonly productionDate: string | null;
  readonly sscc: string | null;
  /** (37) count of trade items, else (30) variable count. */
  readonly count: number | null;
  /** MA `.D` sterilisation lot. */
  readonly sterilisationLot: string | null;
  /** ICCBBA donation identification number. */
  readonly donationId: string | null;
  /** Human-readable text: bracketed HRI for GS1, the data as read for other schemes. */
  readonly hri: string;
  /** GS1 element string with GS (\u001d) after variable-length values; null for other schemes. */
  readonly elementString: string | null;
  readonly digitalLink: string | null;
  /** AIM symbology identifier the scanner sent, e.g. "]d2". */
  readonly symbology: string | null;
}

/** Fields a scheme parser provides; the rest default to null. */
export type ResultInput = Pick<ParseResult, 'scheme' | 'elements' | 'hri' | 'symbology'> & Partial<Omit<ParseResult, 'scheme' | 'elements' | 'hri' | 'symbology'>>;

/** Builds the result as one literal (object spread with overrides is ~100x slower in V8). */
export function makeResult(p: ResultInput): ParseResult {
  return {
    scheme: p.scheme,
    di: p.di ?? null,
    packageLevel: p.packageLevel ?? null,
    elements: p.elements,
    gtin: p.gtin ?? null,
    lot: p.lot ?? null,
    serial: p.serial ?? null,
    expiry: p.expiry ?? null,
    productionDate: p.productionDate ?? null,
    sscc: p.sscc ?? null,
    count: p.count ?? null,
    sterilisationLot: p.sterilisationLot ?? null,
    donationId: p.donationId ?? null,
    hri: p.hri,
    elementString: p.elementString ?? null,
    digitalLink: p.digitalLink ?? null,
    symbology: p.symbology,
  };
}

/** Bracketed HRI; GS/FNC1 is never printed (GS1-06). */
export function toHri(elements: readonly Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value}`).join('');
}

/** Element string with GS after each variable-length value except the last (GS1-05). */
export function toElementString(elements: readonly Element[]): string {
  return elements
    .map((e, i) => e.ai + e.value + (i < elements.length - 1 && !lookupAi(e.ai)?.fixedLength ? GS : ''))
    .join('');
}

export interface Gs1ResultOptions {
  readonly today: Date;
  readonly dlDomain?: string | undefined;
  readonly symbology?: string | null | undefined;
}

/** Values of the first occurrence of the AIs the result exposes as fields. */
const FIELD_AIS = new Set(['00', '01', '10', '11', '17', '21', '30', '37']);

export function gs1Result(elements: readonly Element[], options: Gs1ResultOptions): ParseResult {
  const first = new Map<string, string>();
  const plain: Element[] = [];
  for (const e of elements) {
    plain.push({ ai: e.ai, value: e.value });
    if (FIELD_AIS.has(e.ai) && !first.has(e.ai)) first.set(e.ai, e.value);
  }
  const gtin = first.get('01') ?? null;
  const expiry = first.get('17');
  const production = first.get('11');
  const count = first.get('37') ?? first.get('30');
  return makeResult({
    scheme: 'GS1',
    di: gtin,
    packageLevel: gtin ? gtin.charAt(0) : null,
    elements: plain,
    gtin,
    lot: first.get('10') ?? null,
    serial: first.get('21') ?? null,
    expiry: expiry === undefined ? null : yymmddToIso(expiry, options.today, true),
    productionDate: production === undefined ? null : yymmddToIso(production, options.today, true),
    sscc: first.get('00') ?? null,
    count: count === undefined ? null : Number(count),
    hri: toHri(plain),
    elementString: toElementString(plain),
    digitalLink: tryDigitalLink(plain, options.dlDomain),
    symbology: options.symbology ?? null,
  });
}

function tryDigitalLink(elements: readonly Element[], domain: string | undefined): string | null {
  try {
    return buildDigitalLink(elements, { domain: domain ?? DEFAULT_DL_DOMAIN });
  } catch (e) {
    if (isGs1Error(e)) return null;
    throw e;
  }
}
