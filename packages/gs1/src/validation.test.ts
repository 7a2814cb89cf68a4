/** GS1-02 character sets and lengths, GS1-03 associations, duplicates, unknown AIs, linters. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LINTERS } from './linters.ts';
import { parse } from './parse.ts';
import { throwsGs1, TODAY } from './test-support.ts';
import { matchesPattern } from './validate.ts';

const GTIN = '(01)09506000134352';
const opts = { today: TODAY };

test('GS1-03: (10), (11), (17), (240) require (01), (02), (03), (8006) or (8026)', () => {
  for (const element of ['(10)ABC', '(11)250101', '(17)260101', '(240)X1']) {
    throwsGs1(() => parse(element, opts), 'GS1_MISSING_ASSOCIATION', 0);
    assert.equal(parse(GTIN + element, opts).scheme, 'GS1');
  }
});

test('GS1-03: (21) requires (01), (03) or (8006)', () => {
  throwsGs1(() => parse('(21)42', opts), 'GS1_MISSING_ASSOCIATION');
  throwsGs1(() => parse('(00)006141411234567890(02)09506000134352(37)5(21)42', opts), 'GS1_MISSING_ASSOCIATION');
  assert.equal(parse(`${GTIN}(21)42`, opts).serial, '42');
});

test('GS1-03: (01) is exclusive with (37) and (255); (02) requires (37); (37) requires (00)+(02)', () => {
  throwsGs1(() => parse(`${GTIN}(37)5`, opts), 'GS1_INVALID_ASSOCIATION', 0);
  throwsGs1(() => parse(`${GTIN}(255)9520123456788`, opts), 'GS1_INVALID_ASSOCIATION', 0);
  throwsGs1(() => parse('(00)006141411234567890(02)09506000134352', opts), 'GS1_MISSING_ASSOCIATION', 22);
  throwsGs1(() => parse('(02)09506000134352(37)5', opts), 'GS1_MISSING_ASSOCIATION');
  const r = parse('(00)006141411234567890(02)09506000134352(37)25', opts);
  assert.equal(r.count, 25);
  assert.equal(r.sscc, '006141411234567890');
});

test('GS1-03: an AI is not exclusive of itself, but two measures of the same kind are (ex=310n)', () => {
  assert.ok(matchesPattern('3103', '310n'));
  assert.ok(!matchesPattern('3113', '310n'));
  assert.equal(parse(`${GTIN}(3103)000195`, opts).elements.length, 2);
  throwsGs1(() => parse(`${GTIN}(3103)000195(3102)001950`, opts), 'GS1_INVALID_ASSOCIATION');
});

test('GS1-03: duplicate AIs with different values are rejected; identical repeats are allowed', () => {
  throwsGs1(() => parse(`${GTIN}(10)A(10)B`, opts), 'GS1_DUPLICATE_AI', 23);
  assert.equal(parse(`${GTIN}(10)A(10)A`, opts).lot, 'A');
});

test('GS1-02: unknown AIs are rejected', () => {
  throwsGs1(() => parse(`${GTIN}(99)X(89)Y`, opts), 'GS1_UNKNOWN_AI', 24);
  throwsGs1(() => parse('8912345', opts), 'GS1_UNKNOWN_AI', 0);
});

test('GS1-02: character sets — CSET 82 for X, digits for N, CSET 39 for Y, CSET 64 for Z', () => {
  throwsGs1(() => parse(`${GTIN}(10)AB#1`, opts), 'GS1_BAD_CHARACTER', 24);
  throwsGs1(() => parse(`${GTIN}(10)AB 1`, opts), 'GS1_BAD_CHARACTER');
  throwsGs1(() => parse(`${GTIN}(10)批号`, opts), 'GS1_BAD_CHARACTER', 22);
  throwsGs1(() => parse('(00)00614141123456789A', opts), 'GS1_BAD_CHARACTER', 21);
  assert.equal(parse(`${GTIN}(10)%&'\\()*+,-./:;<=>?_z`, opts).lot, `%&'()*+,-./:;<=>?_z`);
  assert.equal(parse(`${GTIN}(21)!"AZaz09`, opts).serial, '!"AZaz09');
  assert.equal(parse('(8010)0614141AB#-/(8011)1', opts).elements[0]?.value, '0614141AB#-/');
  throwsGs1(() => parse('(8010)0614141ab(8011)1', opts), 'GS1_BAD_CHARACTER');
  assert.equal(parse(`${GTIN}(21)1(8030)ABCdef-_09==`, opts).elements[2]?.value, 'ABCdef-_09==');
  throwsGs1(() => parse(`${GTIN}(21)1(8030)AB=C`, opts), 'GS1_BAD_CHARACTER');
});

test('GS1-02: component linters from the dictionary (times, countries, currencies, GCP)', () => {
  assert.equal(parse(`${GTIN}(7003)2603312359`, opts).elements[1]?.value, '2603312359');
  throwsGs1(() => parse(`${GTIN}(7003)2603312460`, opts), 'GS1_BAD_TIME');
  assert.equal(parse(`${GTIN}(422)156`, opts).elements[1]?.value, '156');
  throwsGs1(() => parse(`${GTIN}(422)999`, opts), 'GS1_BAD_CODE');
  throwsGs1(() => parse(`${GTIN}(7030)000ABC`, opts), 'GS1_BAD_CODE');
  assert.equal(parse(`${GTIN}(7030)999ABC`, opts).elements.length, 2);
  assert.equal(parse('(8020)ABC(415)9520123456788(3912)156123', opts).elements.length, 3);
  throwsGs1(() => parse('(8020)ABC(415)9520123456788(3912)000123', opts), 'GS1_BAD_CODE');
  throwsGs1(() => parse('(8004)ABC123', opts), 'GS1_BAD_COMPANY_PREFIX', 6);
});

test('GS1-02: every linter accepts a good value and rejects a bad one', () => {
  const ctx = { today: TODAY };
  const cases: Record<string, [string, string]> = {
    csum: ['09506000134352', '09506000134353'], csumalpha: ['1987654Ad4X4bL5ttr2310c2K', '1987654Ad4X4bL5ttr2310c2L'],
    gcppos1: ['9520ABC', '95A0'], gcppos2: ['09520', '0952'], yymmd0: ['260200', '260230'], yymmdd: ['260228', '260200'],
    yyyymmdd: ['20240229', '20230229'], hh: ['23', '24'], mi: ['59', '60'], ss: ['00', '61'], hhmi: ['2359', '2360'],
    iso3166: ['156', '999'], iso3166999: ['999', '998'], iso3166alpha2: ['CN', 'XX'], iso4217: ['156', '191'],
    iso5218: ['9', '3'], packagetype: ['BX', 'QQQ'], mediatype: ['10', '11'], yesno: ['1', '2'], winding: ['9', '2'],
    zero: ['0', '1'], nonzero: ['0001', '0000'], nozeroprefix: ['0', '01'], hasnondigit: ['12A', '123'], hyphen: ['-', 'A'],
    importeridx: ['_', '#'], latitude: ['1800000000', '1800000001'], longitude: ['3600000000', '3600000001'],
    pcenc: ['A%20B', 'A%2'], pieceoftotal: ['0102', '0301'], posinseqslash: ['1/2', '3/2'],
    iban: ['GB82WEST12345698765432', 'GB82WEST12345698765431'],
    couponcode: ['061414112345611110111', '0614141123456111101117'],
    couponposoffer: ['106141411234560000000', '1061414112345600000001'],
  };
  assert.deepEqual(Object.keys(cases).sort(), Object.keys(LINTERS).sort());
  for (const [name, [good, bad]] of Object.entries(cases)) {
    assert.equal(LINTERS[name]?.(good, ctx), null, `${name} accepts ${good}`);
    assert.notEqual(LINTERS[name]?.(bad, ctx), null, `${name} rejects ${bad}`);
  }
});
