/** Property tests (fast-check): round trips through every output form, and totality of parse. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromFields, type Fields } from './build.ts';
import { CSET82 } from './charsets.ts';
import { mod10CheckDigit } from './check-digit.ts';
import { GS } from './element-string.ts';
import { Gs1Error } from './errors.ts';
import { parse } from './parse.ts';
import { TODAY } from './test-support.ts';

const opts = { today: TODAY };
const RUNS = 300;

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const gtin14 = digits(13).map((d) => d + mod10CheckDigit(d));
const cset82 = (max: number) => fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: max });
/** Dates the GS1 century window maps back to themselves: about ±49 years around TODAY. */
const isoDate = fc.integer({ min: -17800, max: 17800 }).map((days) => new Date(TODAY.getTime() + days * 86_400_000).toISOString().slice(0, 10));

const deviceFields: fc.Arbitrary<Fields> = fc.record(
  { gtin: gtin14, lot: cset82(20), serial: cset82(20), expiry: isoDate, productionDate: isoDate },
  { requiredKeys: ['gtin'] },
);

function sameFields(fields: Fields, input: string): void {
  const r = parse(input, opts);
  assert.equal(r.gtin, fields.gtin);
  assert.equal(r.lot, fields.lot ?? null);
  assert.equal(r.serial, fields.serial ?? null);
  assert.equal(r.expiry, fields.expiry ?? null);
  assert.equal(r.productionDate, fields.productionDate ?? null);
}

test('GS1-05: fields → element string → parse gives the same fields (with ]d2, GS substitutes)', () => {
  fc.assert(
    fc.property(deviceFields, (fields) => {
      const built = fromFields(fields, opts);
      const es = built.elementString as string;
      sameFields(fields, es);
      sameFields(fields, `]d2${es}${GS}`);
      if (!es.includes('^')) sameFields(fields, parse(es.replaceAll(GS, '^'), { ...opts, gsSubstitute: '^' }).elementString as string);
    }),
    { numRuns: RUNS },
  );
});

test('GS1-07: fields → Digital Link → parse gives the same fields', () => {
  fc.assert(
    fc.property(deviceFields, fc.constantFrom('id.gs1.org', 'https://example.com/stem', 'http://a.b'), (fields, domain) => {
      const built = fromFields(fields, { ...opts, dlDomain: domain });
      sameFields(fields, built.digitalLink as string);
    }),
    { numRuns: RUNS },
  );
});

test('GS1-06: fields → HRI → parse gives the same fields when "(" is escaped', () => {
  fc.assert(
    fc.property(deviceFields, (fields) => {
      const built = fromFields(fields, opts);
      const escaped = built.elements.map((e) => `(${e.ai})${e.value.replaceAll('(', '\\(')}`).join('');
      sameFields(fields, escaped);
    }),
    { numRuns: RUNS },
  );
});

const SCANNER_CHARS = ['0', '1', '2', '7', '9', GS, '(', ')', '\\', '%', '/', '?', '=', '&', '+', '.', ']', 'd', 'M', 'A', 'L', 'h', 't', 'p', 's', ':', '~', ' ', '\n', '批', '\u0000'];
const anyInput = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...SCANNER_CHARS), maxLength: 80 }),
  fc.tuple(fc.constantFrom(']d2', ']C1', ']Q1', '(01)', 'https://id.gs1.org/01/', 'MA.156.M0.', '+A123', '=/', '&,1', '0109506000134352'),
    fc.string({ unit: fc.constantFrom(...SCANNER_CHARS), maxLength: 60 })).map(([a, b]) => a + b),
);

test('GS1-05: any string → parse returns a result or throws a Gs1Error, never another exception', () => {
  fc.assert(
    fc.property(anyInput, fc.option(fc.constantFrom('~', '|', '<GS>')), (input, gsSubstitute) => {
      try {
        const r = parse(input, gsSubstitute ? { ...opts, gsSubstitute } : opts);
        assert.ok(['GS1', 'MA', 'HIBCC', 'ICCBBA'].includes(r.scheme));
      } catch (e) {
        assert.ok(e instanceof Gs1Error, `non-Gs1Error for ${JSON.stringify(input)}: ${String(e)}`);
        assert.ok(e.position >= 0 && e.position <= input.length, `position ${e.position} for ${JSON.stringify(input)}`);
      }
    }),
    { numRuns: 3000 },
  );
});
