/** GS1-01 check digits and GS1-04 dates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alphaCheckPair, hasValidCheckDigit, mod10CheckDigit } from './check-digit.ts';
import { isoToYymmdd, ordinalToIso, resolveYear, yymmddToIso } from './dates.ts';
import { parse } from './parse.ts';
import { throwsGs1, TODAY } from './test-support.ts';

test('GS1-01: mod-10 check digit with weights 3,1,3… from the rightmost data digit', () => {
  assert.equal(mod10CheckDigit('0950600013435'), 2); // GTIN-14 09506000134352
  assert.equal(mod10CheckDigit('9520123456788'.slice(0, -1)), 8); // GTIN-13
  assert.equal(mod10CheckDigit('0234567'), 3); // GTIN-8 02345673
  assert.equal(mod10CheckDigit('41600033610'), 8); // GTIN-12 416000336108
  assert.equal(mod10CheckDigit('00614141123456789'), 0); // SSCC 006141411234567890
  assert.equal(mod10CheckDigit('952012345678'), 8); // GLN 9520123456788
  assert.ok(hasValidCheckDigit('24012345678905'));
  assert.ok(!hasValidCheckDigit('24012345678909'));
});

test('GS1-01: a wrong check digit is rejected for GTIN (01), SSCC (00) and GLN (414)', () => {
  throwsGs1(() => parse('(01)09506000134353'), 'GS1_CHECK_DIGIT', 17);
  throwsGs1(() => parse('(00)006141411234567891'), 'GS1_CHECK_DIGIT', 21);
  throwsGs1(() => parse('(414)9520123456789'), 'GS1_CHECK_DIGIT', 17);
  assert.equal(parse('(00)006141411234567890').sscc, '006141411234567890');
  assert.equal(parse('(414)9520123456788').elements[0]?.value, '9520123456788');
});

test('GS1-01: GTIN-8/12/13 are normalised to 14 digits (Digital Link and EAN/UPC scans)', () => {
  assert.equal(parse('https://id.gs1.org/01/02345673').gtin, '00000002345673');
  assert.equal(parse('https://id.gs1.org/01/416000336108').gtin, '00416000336108');
  assert.equal(parse('https://id.gs1.org/01/9520123456788').gtin, '09520123456788');
  assert.equal(parse(']E09520123456788').gtin, '09520123456788');
  assert.equal(parse(']E402345673').gtin, '00000002345673');
});

test('GS1-01: GMN alphanumeric check pair (csumalpha)', () => {
  assert.equal(alphaCheckPair('1987654Ad4X4bL5ttr2310c'), '2K');
  assert.equal(parse('(8013)1987654Ad4X4bL5ttr2310c2K').elements[0]?.ai, '8013');
  throwsGs1(() => parse('(8013)1987654Ad4X4bL5ttr2310c2L'), 'GS1_CHECK_DIGIT');
});

test('GS1-04: (17)260200 means 2026-02-28', () => {
  const r = parse('(01)09506000134352(17)260200', { today: TODAY });
  assert.equal(r.expiry, '2026-02-28');
  assert.equal(parse('(01)09506000134352(17)280200', { today: TODAY }).expiry, '2028-02-29');
  assert.equal(parse('(01)09506000134352(11)251200', { today: TODAY }).productionDate, '2025-12-31');
});

test('GS1-04: calendar validity — no 31 February, no month 13, leap years', () => {
  throwsGs1(() => parse('(01)09506000134352(17)260231', { today: TODAY }), 'GS1_BAD_DATE', 22);
  throwsGs1(() => parse('(01)09506000134352(17)261301', { today: TODAY }), 'GS1_BAD_DATE');
  throwsGs1(() => parse('(01)09506000134352(17)270229', { today: TODAY }), 'GS1_BAD_DATE');
  assert.equal(parse('(01)09506000134352(17)280229', { today: TODAY }).expiry, '2028-02-29');
  // (7006) is yymmdd: DD=00 is not allowed there.
  throwsGs1(() => parse('(01)09506000134352(7006)250100', { today: TODAY }), 'GS1_BAD_DATE');
});

test('GS1-04: century sliding window relative to today', () => {
  const today = new Date('2025-06-15T00:00:00Z');
  assert.equal(resolveYear(25, today), 2025);
  assert.equal(resolveYear(75, today), 2075); // diff 50: current century
  assert.equal(resolveYear(76, today), 1976); // diff 51: previous century
  assert.equal(resolveYear(99, today), 1999);
  const late = new Date('2080-01-01T00:00:00Z');
  assert.equal(resolveYear(30, late), 2130); // diff −50: next century
  assert.equal(resolveYear(31, late), 2031); // diff −49: current century
  assert.equal(parse('(01)09506000134352(17)990101', { today }).expiry, '1999-01-01');
  assert.equal(yymmddToIso('300115', late), '2130-01-15');
});

test('GS1-04: ISO dates outside the century window cannot be encoded', () => {
  assert.equal(isoToYymmdd('2026-03-31', TODAY), '260331');
  assert.equal(isoToYymmdd('2080-01-01', TODAY), null);
  assert.equal(isoToYymmdd('2026-02-30', TODAY), null);
  assert.equal(ordinalToIso(2014, 32), '2014-02-01');
  assert.equal(ordinalToIso(2024, 366), '2024-12-31');
  assert.equal(ordinalToIso(2023, 366), null);
});
