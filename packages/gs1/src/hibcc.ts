/**
 * HIBCC (HIBC LIC) data, recognised by its leading "+" (US-GUDID-01 issuing agency).
 * Parsed: primary (LIC, product, unit of measure), the mod-43 check character, and the
 * common secondary forms ($ lot, $+ serial, $$ / $$+ with date formats 2-7, quantity 8/9,
 * legacy YYJJJ, supplemental /14D /16D /S). The link character of a separate secondary
 * symbol cannot be verified without its primary symbol.
 */
import { calendarDate, daysInMonth, ordinalToIso, resolveYear, yyyymmddToIso } from './dates.ts';
import { Gs1Error } from './errors.ts';
import { makeResult, type ParseResult } from './result.ts';
import type { Element } from './validate.ts';

const HIBC_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

export function hibcCheckCharacter(data: string): string | null {
  let sum = 0;
  for (const c of data) {
    const v = HIBC_CHARS.indexOf(c);
    if (v < 0) return null;
    sum += v;
  }
  return HIBC_CHARS.charAt(sum % 43);
}

interface Secondary {
  lot?: string;
  serial?: string;
  expiry?: string;
  productionDate?: string;
  quantity?: string;
}

const bad = (position: number, detail: string) => new Gs1Error('GS1_HIBCC_BAD_FORMAT', position, { detail }, 'HIBCC');

export function parseHibcc(input: string, base: number, today: Date, symbology: string | null): ParseResult {
  for (let i = 0; i < input.length; i++) {
    if (!HIBC_CHARS.includes(input.charAt(i))) throw bad(base + i, `character "${input.charAt(i)}"`);
  }
  if (input.length < 3) throw bad(base, 'too short');
  const body = input.slice(0, -1);
  const expected = hibcCheckCharacter(body);
  if (expected !== input.slice(-1)) {
    throw new Gs1Error('GS1_HIBCC_CHECK_CHARACTER', base + input.length - 1, { detail: `expected ${expected}` }, 'HIBCC');
  }
  const content = body.slice(1);
  const elements: Element[] = [];
  let di: string | null = null;
  let uom: string | null = null;
  let secondary: Secondary = {};

  if (content.startsWith('$')) {
    // Separate secondary symbol: the character before the check is the link character.
    secondary = parseSecondary(content.slice(0, -1), base + 1, today, elements);
  } else {
    const [primary = '', ...rest] = content.split('/');
    const m = /^([A-Z][0-9A-Z]{3})([0-9A-Z]{1,18})([0-9])$/.exec(primary);
    if (!m) throw bad(base + 1, 'primary data must be LIC(4) + product(1-18) + unit of measure');
    di = primary;
    uom = m[3]!;
    elements.push({ ai: 'LIC', value: m[1]! }, { ai: 'PCN', value: m[2]! }, { ai: 'UOM', value: uom });
    let position = base + 1 + primary.length + 1;
    rest.forEach((part, index) => {
      const parsed = index === 0 ? parseSecondary(part, position, today, elements) : parseSupplemental(part, position, elements);
      secondary = { ...secondary, ...parsed };
      position += part.length + 1;
    });
  }

  return makeResult({
    scheme: 'HIBCC',
    di,
    packageLevel: uom,
    elements,
    lot: secondary.lot ?? null,
    serial: secondary.serial ?? null,
    expiry: secondary.expiry ?? null,
    productionDate: secondary.productionDate ?? null,
    count: secondary.quantity ? Number(secondary.quantity) : null,
    hri: input,
    symbology,
  });
}

function parseSecondary(s: string, position: number, today: Date, elements: Element[]): Secondary {
  const push = (ai: string, value: string) => elements.push({ ai, value });
  if (s.startsWith('$$')) {
    let rest = s.slice(2);
    const serialMode = rest.startsWith('+');
    if (serialMode) rest = rest.slice(1);
    const out: Secondary = {};
    if (rest.startsWith('8') || rest.startsWith('9')) {
      const width = rest.startsWith('8') ? 2 : 5;
      out.quantity = rest.slice(1, 1 + width);
      if (!/^\d+$/.test(out.quantity) || out.quantity.length !== width) throw bad(position, 'quantity');
      push('QTY', out.quantity);
      rest = rest.slice(1 + width);
    }
    const { iso, raw, length } = secondaryDate(rest, position, today);
    if (iso) {
      out.expiry = iso;
      push('EXP', raw);
    }
    const id = rest.slice(length);
    if (id) {
      if (serialMode) out.serial = id;
      else out.lot = id;
      push(serialMode ? 'SERIAL' : 'LOT', id);
    }
    return out;
  }
  if (s.startsWith('$+')) {
    push('SERIAL', s.slice(2));
    return { serial: s.slice(2) };
  }
  if (s.startsWith('$')) {
    push('LOT', s.slice(1));
    return { lot: s.slice(1) };
  }
  if (/^\d{5}/.test(s)) {
    // Legacy secondary: Julian date YYJJJ then lot.
    const iso = ordinalToIso(resolveYear(Number(s.slice(0, 2)), today), Number(s.slice(2, 5)));
    if (!iso) throw new Gs1Error('GS1_BAD_DATE', position, {}, 'HIBCC');
    push('EXP', s.slice(0, 5));
    if (s.length > 5) push('LOT', s.slice(5));
    return s.length > 5 ? { expiry: iso, lot: s.slice(5) } : { expiry: iso };
  }
  throw bad(position, 'secondary data');
}

/** Date after "$$": a format digit 2-7, or MMYY directly. Returns the ISO date and characters used. */
function secondaryDate(s: string, position: number, today: Date): { iso: string | null; raw: string; length: number } {
  const year = (yy: string) => resolveYear(Number(yy), today);
  const formats: Record<string, [number, (d: string) => string | null]> = {
    '2': [6, (d) => calendarDate(year(d.slice(4, 6)), Number(d.slice(0, 2)), Number(d.slice(2, 4)), false)],
    '3': [6, (d) => calendarDate(year(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6)), false)],
    '4': [8, (d) => calendarDate(year(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6)), false)],
    '5': [5, (d) => ordinalToIso(year(d.slice(0, 2)), Number(d.slice(2, 5)))],
    '6': [7, (d) => ordinalToIso(year(d.slice(0, 2)), Number(d.slice(2, 5)))],
  };
  const format = s.charAt(0);
  if (format === '7') return { iso: null, raw: '', length: 1 };
  const spec = formats[format];
  const [width, toIso, skip] = spec ? [spec[0], spec[1], 1] : [4, mmyyEndOfMonth(year), 0];
  const raw = s.slice(skip, skip + width);
  const iso = raw.length === width && /^\d+$/.test(raw) ? toIso(raw) : null;
  if (!iso) throw new Gs1Error('GS1_BAD_DATE', position, {}, 'HIBCC');
  return { iso, raw, length: skip + width };
}

/** MMYY expiry means the end of that month. */
function mmyyEndOfMonth(year: (yy: string) => number): (d: string) => string | null {
  return (d) => {
    const y = year(d.slice(2, 4));
    const m = Number(d.slice(0, 2));
    return m >= 1 && m <= 12 ? calendarDate(y, m, daysInMonth(y, m), false) : null;
  };
}

/** Supplemental data identifiers after further "/" separators. */
function parseSupplemental(part: string, position: number, elements: Element[]): Secondary {
  const date = (value: string) => {
    const iso = yyyymmddToIso(value);
    if (!iso) throw new Gs1Error('GS1_BAD_DATE', position, {}, 'HIBCC');
    return iso;
  };
  if (part.startsWith('14D')) {
    elements.push({ ai: '14D', value: part.slice(3) });
    return { expiry: date(part.slice(3)) };
  }
  if (part.startsWith('16D')) {
    elements.push({ ai: '16D', value: part.slice(3) });
    return { productionDate: date(part.slice(3)) };
  }
  if (part.startsWith('S')) {
    elements.push({ ai: 'S', value: part.slice(1) });
    return { serial: part.slice(1) };
  }
  elements.push({ ai: 'SUPPLEMENTAL', value: part });
  return {};
}
