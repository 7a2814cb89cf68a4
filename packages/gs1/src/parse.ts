/**
 * Entry point: recognises the input form and issuing agency, parses and
 * validates. Every failure is a Gs1Error; work is linear in the input length.
 */
import { parseBracketed } from './bracketed.ts';
import { hasValidCheckDigit } from './check-digit.ts';
import { looksLikeDigitalLink, parseDigitalLink } from './digital-link.ts';
import { GS, splitElementString } from './element-string.ts';
import { Gs1Error, isGs1Error } from './errors.ts';
import { parseHibcc } from './hibcc.ts';
import { looksLikeIccbba, parseIccbba } from './iccbba.ts';
import { looksLikeMaCode, parseMaCode } from './ma-code.ts';
import { gs1Result, type ParseResult } from './result.ts';
import { validateElements, type LocatedElement } from './validate.ts';

export interface ParseOptions {
  /** Reference date for the GS1 century window (GS1-04). Default: now. */
  readonly today?: Date;
  /** Character(s) a keyboard-wedge scanner sends instead of GS, e.g. "~" or "|". */
  readonly gsSubstitute?: string;
  /** Domain or stem for the `digitalLink` output. Default: the input's own stem, else https://id.gs1.org. */
  readonly dlDomain?: string;
  /** Strict GS1: reject a leading GS. */
  readonly strict?: boolean;
  /**
   * Do not verify check digits. Only for reading third-party records that are
   * known to carry invalid ones (e.g. the AccessGUDID example DI); never for scans.
   */
  readonly skipCheckDigits?: boolean;
  /** Accept a bare GTIN-8/12/13/14 (digits only, valid check digit) as (01). Off by default: never guess. */
  readonly plainGtin?: boolean;
}

export type TryParseResult = { ok: true; value: ParseResult } | { ok: false; error: Gs1Error };

export const MAX_INPUT_LENGTH = 4096;

/** AIM symbology identifiers whose data is a GS1 element string (FNC1 in first position). */
const GS1_SYMBOLOGIES = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);
const EAN_SYMBOLOGIES: Record<string, number> = { ']E0': 13, ']E4': 8 };
const SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]$/;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

export function parse(input: string, options: ParseOptions = {}): ParseResult {
  if (typeof input !== 'string') throw new Gs1Error('GS1_BAD_INPUT', 0);
  if (input.length > MAX_INPUT_LENGTH) throw new Gs1Error('GS1_INPUT_TOO_LONG', MAX_INPUT_LENGTH, { detail: `max ${MAX_INPUT_LENGTH}` });
  let start = 0;
  let end = input.length;
  while (start < end && isSpace(input[start])) start++;
  while (end > start && isSpace(input[end - 1])) end--;
  if (start === end) throw new Gs1Error('GS1_EMPTY_INPUT', 0);
  const text = input.slice(start, end);
  const ctx: Context = { options, today: options.today ?? new Date() };

  const id = text.slice(0, 3);
  if (text.startsWith(']')) {
    if (!SYMBOLOGY_ID.test(id)) throw new Gs1Error('GS1_UNSUPPORTED_SYMBOLOGY', start, { detail: id });
    const payload = text.slice(3);
    if (payload === '') throw new Gs1Error('GS1_EMPTY_INPUT', start + 3);
    if (GS1_SYMBOLOGIES.has(id)) return parseElementString(payload, start + 3, ctx, id);
    const eanLength = EAN_SYMBOLOGIES[id];
    if (eanLength) return parseEan(payload, start + 3, eanLength, ctx, id);
    return parsePlainData(payload, start + 3, ctx, id, false);
  }
  return parsePlainData(text, start, ctx, null, true);
}

export function tryParse(input: string, options: ParseOptions = {}): TryParseResult {
  try {
    return { ok: true, value: parse(input, options) };
  } catch (e) {
    if (isGs1Error(e)) return { ok: false, error: e };
    return { ok: false, error: new Gs1Error('GS1_INTERNAL', 0, { detail: String(e) }) };
  }
}

interface Context {
  readonly options: ParseOptions;
  readonly today: Date;
}

/** Data without a GS1 symbology identifier: the leading characters decide the scheme. */
function parsePlainData(text: string, base: number, ctx: Context, symbology: string | null, elementStringAllowed: boolean): ParseResult {
  if (text.startsWith('(')) return finishGs1(parseBracketed(text, base), ctx, symbology);
  if (looksLikeDigitalLink(text)) {
    const { elements, stem } = parseDigitalLink(text, base);
    return finishGs1(elements, ctx, symbology, stem);
  }
  if (looksLikeMaCode(text)) return parseMaCode(text, base, ctx.today, symbology);
  if (text.startsWith('+')) return parseHibcc(text, base, ctx.today, symbology);
  if (looksLikeIccbba(text)) return parseIccbba(text, base, symbology);
  if (elementStringAllowed && startsElementString(text, ctx.options.gsSubstitute)) {
    if (ctx.options.plainGtin && /^(\d{8}|\d{12,14})$/.test(text) && hasValidCheckDigit(text)) {
      return finishGs1([{ ai: '01', value: text.padStart(14, '0'), position: base, valuePosition: base }], ctx, symbology);
    }
    return parseElementString(text, base, ctx, symbology);
  }
  throw new Gs1Error('GS1_UNKNOWN_SCHEME', base);
}

function startsElementString(text: string, substitute: string | undefined): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || text.startsWith(GS) || (substitute !== undefined && substitute !== '' && text.startsWith(substitute));
}

function parseElementString(payload: string, base: number, ctx: Context, symbology: string | null): ParseResult {
  const { text, toInput } = replaceSubstitute(payload, ctx.options.gsSubstitute);
  let elements: LocatedElement[];
  try {
    elements = splitElementString(text, 0, { strict: ctx.options.strict ?? false });
  } catch (e) {
    // Splitter positions are relative to the substituted payload.
    if (isGs1Error(e)) throw e.at(base + toInput(e.position));
    throw e;
  }
  const located = elements.map((e) => ({ ...e, position: base + toInput(e.position), valuePosition: base + toInput(e.valuePosition) }));
  return finishGs1(located, ctx, symbology);
}

/** EAN-13/UPC-A (]E0) or EAN-8 (]E4): the digits are a GTIN, padded to 14, optionally followed by a composite "|]e0…". */
function parseEan(payload: string, base: number, length: number, ctx: Context, symbology: string): ParseResult {
  const digits = payload.slice(0, length);
  if (!/^\d+$/.test(digits) || digits.length !== length) throw new Gs1Error('GS1_VALUE_TOO_SHORT', base, { ai: '01' });
  const gtin: LocatedElement = { ai: '01', value: digits.padStart(14, '0'), position: base, valuePosition: base };
  const rest = payload.slice(length);
  if (rest === '') return finishGs1([gtin], ctx, symbology);
  if (!rest.startsWith('|]e0') || rest.length === 4) throw new Gs1Error('GS1_VALUE_TOO_LONG', base + length, { ai: '01' });
  const composite = splitElementString(rest.slice(4), base + length + 4, { strict: true });
  return finishGs1([gtin, ...composite], ctx, symbology);
}

function finishGs1(elements: LocatedElement[], ctx: Context, symbology: string | null, stem?: string): ParseResult {
  validateElements(elements, { today: ctx.today, skipCheckDigits: ctx.options.skipCheckDigits ?? false });
  return gs1Result(elements, { today: ctx.today, dlDomain: ctx.options.dlDomain ?? stem, symbology });
}

/** Replaces the GS substitute with GS and maps positions in the result back to the input. */
function replaceSubstitute(data: string, substitute: string | undefined): { text: string; toInput: (pos: number) => number } {
  if (!substitute || !data.includes(substitute)) return { text: data, toInput: (p) => p };
  const shrink = substitute.length - 1;
  const replacedAt: number[] = [];
  let text = '';
  let i = 0;
  for (;;) {
    const next = data.indexOf(substitute, i);
    if (next < 0) break;
    text += data.slice(i, next);
    replacedAt.push(text.length);
    text += GS;
    i = next + substitute.length;
  }
  text += data.slice(i);
  return {
    text,
    toInput: (pos) => {
      if (shrink === 0) return pos;
      let before = 0;
      while (before < replacedAt.length && (replacedAt[before] as number) < pos) before++;
      return pos + shrink * before;
    },
  };
}
