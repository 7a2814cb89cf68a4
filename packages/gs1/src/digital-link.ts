/**
 * GS1 Digital Link URIs (GS1-07): parse on any domain and build from elements.
 * Follows the reference behaviour of the GS1 syntax engine (dl.c): the path
 * must be a primary key plus qualifiers in `dlpkey` order, only `?`-flagged
 * AIs may be query attributes, GTIN-8/12/13 in (01) are padded to 14 digits.
 */
import { isPrimaryKey, lookupAi } from './ai-table.ts';
import type { AiEntry } from './ai-types.ts';
import { Gs1Error } from './errors.ts';
import type { Element, LocatedElement } from './validate.ts';

export const DEFAULT_DL_DOMAIN = 'https://id.gs1.org';

const URI_CHARS = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%") {
  URI_CHARS[c.charCodeAt(0)] = 1;
}
const BAD_DOMAIN_CHARS = "_~?#@!$&'()*+,;=%";
const SCHEMES = ['https://', 'HTTPS://', 'http://', 'HTTP://'];

/** True when the input looks like an http(s) URI in any letter case. */
export function looksLikeDigitalLink(input: string): boolean {
  const head = input.slice(0, 8).toLowerCase();
  return head.startsWith('https://') || head.startsWith('http://');
}

// ---------------------------------------------------------------- parsing

interface Segment {
  readonly text: string;
  readonly start: number;
}

export interface ParsedDigitalLink {
  readonly elements: LocatedElement[];
  /** Scheme (lowercased), domain and any path before the primary key. */
  readonly stem: string;
}

export function parseDigitalLink(uri: string, base = 0): ParsedDigitalLink {
  for (let i = 0; i < uri.length; i++) {
    const c = uri.charCodeAt(i);
    if (c > 127 || URI_CHARS[c] === 0) throw new Gs1Error('GS1_DL_BAD_CHARACTER', base + i);
  }
  const scheme = SCHEMES.find((s) => uri.startsWith(s));
  if (!scheme) throw new Gs1Error('GS1_DL_BAD_SCHEME', base);
  const domainStart = scheme.length;
  const pathStart = uri.indexOf('/', domainStart);
  if (pathStart <= domainStart) throw new Gs1Error('GS1_DL_BAD_URI', base + domainStart, { detail: 'missing domain or path' });
  for (let i = domainStart; i < pathStart; i++) {
    if (BAD_DOMAIN_CHARS.includes(uri.charAt(i))) throw new Gs1Error('GS1_DL_BAD_CHARACTER', base + i);
  }

  const hash = uri.indexOf('#', pathStart);
  const end = hash >= 0 ? hash : uri.length;
  const question = uri.indexOf('?', pathStart);
  const pathEnd = question >= 0 && question < end ? question : end;
  const segments = splitSegments(uri, pathStart, pathEnd);
  const root = findPrimaryKey(segments);
  if (root < 0) throw new Gs1Error('GS1_DL_NO_KEY', base + pathStart);

  const elements = pathElements(segments, root, base);
  validatePathSequence(elements, base);
  if (pathEnd < end) elements.push(...queryElements(uri, pathEnd + 1, end, elements, base));

  const stem = scheme.toLowerCase() + uri.slice(domainStart, segments[root]!.start - 1);
  return { elements, stem };
}

/** Path segments after the leading "/" (so segment i starts right after a slash). */
function splitSegments(uri: string, pathStart: number, pathEnd: number): Segment[] {
  const segments: Segment[] = [];
  let start = pathStart + 1;
  for (;;) {
    const slash = uri.indexOf('/', start);
    const stop = slash >= 0 && slash < pathEnd ? slash : pathEnd;
    segments.push({ text: uri.slice(start, stop), start });
    if (stop === pathEnd) return segments;
    start = stop + 1;
  }
}

/** Walks "/AI/value" pairs from the end; the rightmost primary key starts the DL path. */
function findPrimaryKey(segments: readonly Segment[]): number {
  for (let k = segments.length - 2; k >= 0; k -= 2) {
    const ai = segments[k]!.text;
    if (!/^\d{2,4}$/.test(ai) || !lookupAi(ai)) return -1;
    if (isPrimaryKey(ai)) return k;
  }
  return -1;
}

function pathElements(segments: readonly Segment[], root: number, base: number): LocatedElement[] {
  const elements: LocatedElement[] = [];
  for (let k = root; k < segments.length; k += 2) {
    const aiSeg = segments[k]!;
    const valueSeg = segments[k + 1]!;
    if (valueSeg.text === '') throw new Gs1Error('GS1_EMPTY_VALUE', base + valueSeg.start, { ai: aiSeg.text });
    const value = decodeValue(valueSeg.text, false, aiSeg.text, base + valueSeg.start);
    elements.push({
      ai: aiSeg.text,
      value: padLegacyGtin(aiSeg.text, value),
      position: base + aiSeg.start,
      valuePosition: base + valueSeg.start,
    });
  }
  return elements;
}

/** A qualifier list is valid when it is an ordered subsequence of one `dlpkey` alternative. */
export function isValidKeyQualifierSequence(ais: readonly string[]): boolean {
  const [key, ...qualifiers] = ais;
  const alternatives = key === undefined ? null : lookupAi(key)?.dlpkey;
  if (!alternatives) return false;
  return alternatives.some((alt) => {
    let next = 0;
    for (const q of qualifiers) {
      const at = alt.indexOf(q, next);
      if (at < 0) return false;
      next = at + 1;
    }
    return true;
  });
}

function validatePathSequence(elements: readonly LocatedElement[], base: number): void {
  const ais = elements.map((e) => e.ai);
  if (!isValidKeyQualifierSequence(ais)) {
    throw new Gs1Error('GS1_DL_BAD_QUALIFIER_ORDER', elements[1]?.position ?? base, { detail: ais.map((a) => `/${a}`).join('') });
  }
}

function queryElements(uri: string, start: number, end: number, path: readonly LocatedElement[], base: number): LocatedElement[] {
  const out: LocatedElement[] = [];
  const pathAis = path.map((e) => e.ai);
  const seen = new Set(pathAis);
  let i = start;
  while (i < end) {
    const amp = uri.indexOf('&', i);
    const stop = amp >= 0 && amp < end ? amp : end;
    const eq = uri.slice(i, stop).indexOf('=');
    // Singletons and non-numeric parameters are not AI data and are ignored.
    if (eq >= 0) {
      const name = uri.slice(i, i + eq);
      if (/^\d+$/.test(name)) out.push(queryElement(uri, name, i, i + eq + 1, stop, pathAis, seen, base));
    }
    i = stop + 1;
  }
  return out;
}

function queryElement(
  uri: string, ai: string, nameStart: number, valueStart: number, stop: number,
  pathAis: readonly string[], seen: Set<string>, base: number,
): LocatedElement {
  const entry: AiEntry | undefined = lookupAi(ai);
  if (!entry) throw new Gs1Error('GS1_UNKNOWN_AI', base + nameStart, { ai });
  if (stop === valueStart) throw new Gs1Error('GS1_EMPTY_VALUE', base + valueStart, { ai });
  if (seen.has(ai)) throw new Gs1Error('GS1_DUPLICATE_AI', base + nameStart, { ai });
  seen.add(ai);
  if (!entry.dlAttribute) throw new Gs1Error('GS1_DL_NOT_ATTRIBUTE', base + nameStart, { ai });
  for (let j = 1; j <= pathAis.length; j++) {
    const trial = [...pathAis.slice(0, j), ai, ...pathAis.slice(j)];
    if (isValidKeyQualifierSequence(trial)) throw new Gs1Error('GS1_DL_QUALIFIER_IN_QUERY', base + nameStart, { ai });
  }
  const value = decodeValue(uri.slice(valueStart, stop), true, ai, base + valueStart);
  return { ai, value: padLegacyGtin(ai, value), position: base + nameStart, valuePosition: base + valueStart };
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Percent-decoding byte by byte; "+" is a space only in the query. A decoded NUL is rejected. */
function decodeValue(text: string, isQuery: boolean, ai: string, position: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '%' && HEX.test(text.slice(i + 1, i + 3))) {
      const code = parseInt(text.slice(i + 1, i + 3), 16);
      if (code === 0) throw new Gs1Error('GS1_DL_BAD_ENCODING', position + i, { ai });
      out += String.fromCharCode(code);
      i += 2;
    } else {
      out += isQuery && c === '+' ? ' ' : c;
    }
  }
  return out;
}

/** Legacy zero-suppressed GTIN-8/12/13 in (01) are padded to GTIN-14. */
function padLegacyGtin(ai: string, value: string): string {
  return ai === '01' && (value.length === 8 || value.length === 12 || value.length === 13) ? value.padStart(14, '0') : value;
}

// --------------------------------------------------------------- building

export interface DigitalLinkOptions {
  /** Domain or stem, e.g. "id.gs1.org" or "https://example.com/products". Default https://id.gs1.org. */
  readonly domain?: string;
}

const stemCache = new Map<string, string>();

/** Validated "scheme://host[/path]" without trailing slash; memoised because results build a link per parse. */
export function normaliseStem(domain: string): string {
  const cached = stemCache.get(domain);
  if (cached !== undefined) return cached;
  const trimmed = domain.trim().replace(/\/+$/, '');
  const lower = trimmed.toLowerCase();
  const withScheme = lower.startsWith('https://') || lower.startsWith('http://') ? trimmed : `https://${trimmed}`;
  const schemeEnd = withScheme.indexOf('://') + 3;
  const stem = withScheme.slice(0, schemeEnd).toLowerCase() + withScheme.slice(schemeEnd);
  const host = stem.slice(schemeEnd).split('/')[0] ?? '';
  if (host === '' || [...stem].some((c) => c.charCodeAt(0) > 127 || URI_CHARS[c.charCodeAt(0)] === 0) ||
      [...host].some((c) => BAD_DOMAIN_CHARS.includes(c)) || stem.includes('?') || stem.includes('#')) {
    throw new Gs1Error('GS1_BAD_FIELD', 0, { detail: `domain "${domain}"` });
  }
  if (stemCache.size > 100) stemCache.clear();
  stemCache.set(domain, stem);
  return stem;
}

const UNRESERVED = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') UNRESERVED[c.charCodeAt(0)] = 1;

export function encodeValue(value: string, isQuery: boolean): string {
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (code < 128 && UNRESERVED[code] === 1) out += c;
    else if (isQuery && c === ' ') out += '+';
    else out += '%' + code.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * Builds a Digital Link URI: the first primary-key AI, the qualifier
 * alternative with most matches in `dlpkey` order, then `?`-flagged
 * attributes (predefined-length AIs first, as the reference engine does).
 */
export function buildDigitalLink(elements: readonly Element[], options: DigitalLinkOptions = {}): string {
  const stem = normaliseStem(options.domain ?? DEFAULT_DL_DOMAIN);
  const present = new Map<string, Element>();
  let key: Element | undefined;
  for (const e of elements) {
    if (present.has(e.ai)) continue;
    present.set(e.ai, e);
    if (key === undefined && isPrimaryKey(e.ai)) key = e;
  }
  if (!key) throw new Gs1Error('GS1_DL_NO_KEY', 0);
  let best: readonly string[] = [];
  let bestCount = -1;
  for (const alt of lookupAi(key.ai)?.dlpkey ?? []) {
    let count = 0;
    for (const q of alt) if (present.has(q)) count++;
    if (count > bestCount) [best, bestCount] = [alt, count];
  }
  let path = `/${key.ai}/${encodeValue(key.value, false)}`;
  const inPath = new Set([key.ai]);
  for (const q of best) {
    const e = present.get(q);
    if (!e) continue;
    inPath.add(q);
    path += `/${q}/${encodeValue(e.value, false)}`;
  }
  let fixed = '';
  let variable = '';
  for (const e of present.values()) {
    if (inPath.has(e.ai)) continue;
    const entry = lookupAi(e.ai);
    if (!entry?.dlAttribute) throw new Gs1Error('GS1_DL_NOT_ATTRIBUTE', 0, { ai: e.ai });
    const param = `&${e.ai}=${encodeValue(e.value, true)}`;
    if (entry.fixedLength) fixed += param;
    else variable += param;
  }
  const query = fixed + variable;
  return stem + path + (query ? `?${query.slice(1)}` : '');
}
