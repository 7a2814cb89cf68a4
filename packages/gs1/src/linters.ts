/**
 * Dictionary linters as pure functions over one component value (already
 * checked against its character set). Names match the dictionary; the
 * generator test fails on any dictionary linter missing here.
 */
import { alphaCheckPair, mod10CheckDigit } from './check-digit.ts';
import { ISO3166_ALPHA2, ISO3166_NUMERIC, ISO4217_NUMERIC, PACKAGE_TYPES } from './code-lists.ts';
import { calendarDate, resolveYear, yymmddToIso } from './dates.ts';
import type { Gs1ErrorCode } from './errors.ts';

export interface LintContext {
  readonly today: Date;
  /** Skip `csum`/`csumalpha`: only for importing third-party records, never for scans. */
  readonly skipCheckDigits?: boolean;
}

export const CHECK_DIGIT_LINTERS: ReadonlySet<string> = new Set(['csum', 'csumalpha']);

export interface LintFailure {
  readonly code: Gs1ErrorCode;
  /** Offset of the offending data within the component value. */
  readonly offset: number;
  /** Short technical detail, e.g. the expected check digit. */
  readonly detail?: string;
}

export type Linter = (value: string, ctx: LintContext) => LintFailure | null;

const fail = (code: Gs1ErrorCode, offset = 0, detail?: string): LintFailure =>
  detail === undefined ? { code, offset } : { code, offset, detail };
const num = (s: string) => Number(s);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

const csum: Linter = (v) => {
  const expected = mod10CheckDigit(v.slice(0, -1));
  return v.length > 1 && num(v.slice(-1)) === expected ? null : fail('GS1_CHECK_DIGIT', v.length - 1, String(expected));
};

const csumalpha: Linter = (v) => {
  const expected = v.length >= 2 ? alphaCheckPair(v.slice(0, -2)) : null;
  return expected !== null && v.slice(-2) === expected ? null : fail('GS1_CHECK_DIGIT', Math.max(0, v.length - 2), expected ?? undefined);
};

/** The first four characters from `start` must be digits (shortest GS1 Company Prefix). */
const companyPrefixAt = (start: number): Linter => (v) => {
  for (let i = start; i < start + 4; i++) if (!isDigit(v[i])) return fail('GS1_BAD_COMPANY_PREFIX', Math.min(i, v.length));
  return null;
};

const yymmd0: Linter = (v, ctx) => (yymmddToIso(v, ctx.today, true) ? null : fail('GS1_BAD_DATE'));
const yymmdd: Linter = (v, ctx) => (yymmddToIso(v, ctx.today, false) ? null : fail('GS1_BAD_DATE'));
const yyyymmdd: Linter = (v) =>
  calendarDate(num(v.slice(0, 4)), num(v.slice(4, 6)), num(v.slice(6, 8)), false) ? null : fail('GS1_BAD_DATE');

const upTo = (limit: number, code: Gs1ErrorCode): Linter => (v) => (num(v) <= limit ? null : fail(code));
const hh = upTo(23, 'GS1_BAD_TIME');
const mi = upTo(59, 'GS1_BAD_TIME');
const hhmi: Linter = (v, ctx) => hh(v.slice(0, 2), ctx) ?? (mi(v.slice(2, 4), ctx) ? fail('GS1_BAD_TIME', 2) : null);

const inSet = (set: ReadonlySet<string>): Linter => (v) => (set.has(v) ? null : fail('GS1_BAD_CODE'));
const oneOf = (chars: string, code: Gs1ErrorCode = 'GS1_BAD_CODE'): Linter => (v) =>
  v.length === 1 && chars.includes(v) ? null : fail(code);

const iso3166999: Linter = (v, ctx) => (v === '999' ? null : inSet(ISO3166_NUMERIC)(v, ctx));

const mediatype: Linter = (v) => {
  const n = num(v);
  return (n >= 1 && n <= 10) || n >= 80 ? null : fail('GS1_BAD_CODE');
};

const invalid = (offset = 0, detail?: string) => fail('GS1_INVALID_VALUE', offset, detail);

const pcenc: Linter = (v) => {
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== '%') continue;
    if (!/^[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 3))) return invalid(i, 'bad percent escape');
    i += 2;
  }
  return null;
};

const pieceoftotal: Linter = (v) => {
  const half = v.length / 2;
  const piece = num(v.slice(0, half));
  const total = num(v.slice(half));
  if (v.length % 2 !== 0 || piece === 0 || total === 0 || piece > total) return invalid(0, 'piece/total');
  return null;
};

const posinseqslash: Linter = (v) => {
  const slash = v.indexOf('/');
  const [pos, total] = [v.slice(0, slash), v.slice(slash + 1)];
  if (slash <= 0 || !/^\d+$/.test(pos) || !/^\d+$/.test(total)) return invalid(Math.max(slash, 0), 'expected n/m');
  return num(pos) === 0 || num(total) === 0 || num(pos) > num(total) ? invalid(0, 'position/total') : null;
};

const iban: Linter = (v) => {
  if (!/^[A-Z]{2}\d{2}[0-9A-Z]+$/.test(v) || !ISO3166_ALPHA2.has(v.slice(0, 2))) return invalid(0, 'IBAN format');
  let remainder = 0;
  for (const c of v.slice(4) + v.slice(0, 4)) {
    const digits = isDigit(c) ? c : String(c.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + num(d)) % 97;
  }
  return remainder === 1 ? null : invalid(2, 'IBAN check digits');
};

/** GS1 AI (8110) North American coupon code: mandatory fields and optional field codes. */
const couponcode: Linter = (v, ctx) => new CouponReader(v, ctx).readCouponCode();

/** GS1 AI (8112) positive offer file coupon. */
const couponposoffer: Linter = (v, ctx) => new CouponReader(v, ctx).readPositiveOffer();

export const LINTERS: Readonly<Record<string, Linter>> = {
  csum,
  csumalpha,
  gcppos1: companyPrefixAt(0),
  gcppos2: companyPrefixAt(1),
  yymmd0,
  yymmdd,
  yyyymmdd,
  hh,
  mi,
  ss: mi,
  hhmi,
  iso3166: inSet(ISO3166_NUMERIC),
  iso3166999,
  iso3166alpha2: inSet(ISO3166_ALPHA2),
  iso4217: inSet(ISO4217_NUMERIC),
  iso5218: oneOf('0129'),
  packagetype: inSet(PACKAGE_TYPES),
  mediatype,
  yesno: oneOf('01', 'GS1_INVALID_VALUE'),
  winding: oneOf('019', 'GS1_INVALID_VALUE'),
  zero: oneOf('0', 'GS1_INVALID_VALUE'),
  nonzero: (v) => (/^0+$/.test(v) ? invalid() : null),
  nozeroprefix: (v) => (v.length > 1 && v[0] === '0' ? invalid() : null),
  hasnondigit: (v) => (/^\d*$/.test(v) ? invalid() : null),
  hyphen: (v) => (/^-*$/.test(v) ? null : invalid()),
  importeridx: (v) => (/^[-0-9A-Za-z_]$/.test(v) ? null : invalid()),
  latitude: upTo(1800000000, 'GS1_INVALID_VALUE'),
  longitude: upTo(3600000000, 'GS1_INVALID_VALUE'),
  pcenc,
  pieceoftotal,
  posinseqslash,
  iban,
  couponcode,
  couponposoffer,
};

/** Sequential reader over coupon digits; each step returns a failure or advances. */
class CouponReader {
  private pos = 0;
  constructor(private readonly v: string, private readonly ctx: LintContext) {}

  private failAt(detail: string): LintFailure {
    return invalid(Math.min(this.pos, this.v.length), detail);
  }

  private take(n: number): string | null {
    const s = this.v.slice(this.pos, this.pos + n);
    if (s.length !== n || !/^\d+$/.test(s)) return null;
    this.pos += n;
    return s;
  }

  /** A variable-length indicator in [min, max] followed by `offset + vli` digits; VLI 9 may mean "absent". */
  private vli(min: number, max: number, offset: number, nineMeansNone = false): boolean {
    const d = this.take(1);
    if (d === null) return false;
    const n = num(d);
    if (nineMeansNone && n === 9) return true;
    if (n < min || n > max) return false;
    return this.take(n + offset) !== null;
  }

  private code(allowed: (n: number) => boolean): boolean {
    const d = this.take(1);
    return d !== null && allowed(num(d));
  }

  private date(): string | null {
    const d = this.take(6);
    return d !== null && yymmddToIso(d, this.ctx.today, true) ? d : null;
  }

  readCouponCode(): LintFailure | null {
    if (!/^\d+$/.test(this.v)) return this.failAt('digits only');
    const required =
      this.vli(0, 6, 6) && this.take(6) !== null && this.vli(1, 5, 0) && this.vli(1, 5, 0) &&
      this.code((n) => n <= 4 || n === 9) && this.take(3) !== null;
    if (!required) return this.failAt('coupon mandatory fields');
    let expiry: string | null = null;
    while (this.pos < this.v.length) {
      const field = num(this.v[this.pos++] as string);
      const ok = this.optionalField(field, (d) => { expiry = d; }, () => expiry);
      if (!ok) return this.failAt(`coupon field ${field}`);
    }
    return null;
  }

  private optionalField(field: number, setExpiry: (d: string) => void, getExpiry: () => string | null): boolean {
    switch (field) {
      case 1:
        return this.code((n) => n <= 3) && this.vli(1, 5, 0) && this.code((n) => n <= 4 || n === 9) &&
          this.take(3) !== null && this.vli(0, 6, 6, true);
      case 2:
        return this.vli(1, 5, 0) && this.code((n) => n <= 4 || n === 9) && this.take(3) !== null && this.vli(0, 6, 6, true);
      case 3: {
        const d = this.date();
        if (d !== null) setExpiry(d);
        return d !== null;
      }
      case 4: {
        const start = this.date();
        const expiry = getExpiry();
        return start !== null && (expiry === null || this.sortable(expiry) >= this.sortable(start));
      }
      case 5:
        return this.vli(0, 9, 6);
      case 6:
        return this.vli(1, 7, 6);
      case 9:
        return this.code((n) => n <= 2 || n === 5 || n === 6) && this.code((n) => n <= 2) &&
          this.take(1) !== null && this.code((n) => n <= 1);
      default:
        return false;
    }
  }

  private sortable(yymmdd: string): number {
    return resolveYear(num(yymmdd.slice(0, 2)), this.ctx.today) * 10000 + num(yymmdd.slice(2));
  }

  readPositiveOffer(): LintFailure | null {
    const ok = this.code((n) => n <= 1) && this.vli(0, 6, 6) && this.take(6) !== null && this.vli(0, 9, 6);
    if (!ok) return this.failAt('positive offer fields');
    return this.pos === this.v.length ? null : this.failAt('reserved trailing data');
  }
}
