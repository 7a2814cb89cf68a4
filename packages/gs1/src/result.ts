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

export const EMPTY_FIELDS = {
  di: null, packageLevel: null, gtin: null, lot: null, serial: null, expiry: null, productionDate: null,
  sscc: null, count: null, sterilisationLot: null, donationId: null, elementString: null, digitalLink: null,
} as const;

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

export function gs1Result(elements: readonly Element[], options: Gs1ResultOptions): ParseResult {
  const first = (ai: string) => elements.find((e) => e.ai === ai)?.value ?? null;
  const date = (ai: string) => {
    const v = first(ai);
    return v === null ? null : yymmddToIso(v, options.today, true);
  };
  const gtin = first('01');
  const count = first('37') ?? first('30');
  const plain = elements.map((e) => ({ ai: e.ai, value: e.value }));
  return {
    ...EMPTY_FIELDS,
    scheme: 'GS1',
    di: gtin,
    packageLevel: gtin ? gtin.charAt(0) : null,
    elements: plain,
    gtin,
    lot: first('10'),
    serial: first('21'),
    expiry: date('17'),
    productionDate: date('11'),
    sscc: first('00'),
    count: count === null ? null : Number(count),
    hri: toHri(plain),
    elementString: toElementString(plain),
    digitalLink: tryDigitalLink(plain, options.dlDomain),
    symbology: options.symbology ?? null,
  };
}

function tryDigitalLink(elements: readonly Element[], domain: string | undefined): string | null {
  try {
    return buildDigitalLink(elements, { domain: domain ?? DEFAULT_DL_DOMAIN });
  } catch (e) {
    if (isGs1Error(e)) return null;
    throw e;
  }
}
