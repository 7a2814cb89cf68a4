/** GS1-05 scanner input (symbology identifiers, GS, substitutes) and GS1-06 bracketed HRI. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GS } from './element-string.ts';
import { parse } from './parse.ts';
import { throwsGs1, TODAY } from './test-support.ts';

const HRI = '(01)09506000134352(17)260331(10)ABC123(21)42';
const RAW = `010950600013435217260331` + `10ABC123${GS}2142`;
const opts = { today: TODAY };

function fields(input: string, extra = {}) {
  const r = parse(input, { ...opts, ...extra });
  return { gtin: r.gtin, expiry: r.expiry, lot: r.lot, serial: r.serial, hri: r.hri };
}
const EXPECTED = { gtin: '09506000134352', expiry: '2026-03-31', lot: 'ABC123', serial: '42', hri: HRI };

test('GS1-06: bracketed HRI input is parsed', () => {
  assert.deepEqual(fields(HRI), EXPECTED);
  const r = parse(HRI, opts);
  assert.equal(r.scheme, 'GS1');
  assert.deepEqual(r.elements, [
    { ai: '01', value: '09506000134352' },
    { ai: '17', value: '260331' },
    { ai: '10', value: 'ABC123' },
    { ai: '21', value: '42' },
  ]);
});

test('GS1-06: HRI output never prints FNC1/GS; blanks around printed HRI are tolerated; "\\(" is a literal bracket', () => {
  assert.equal(parse(RAW, opts).hri, HRI);
  assert.ok(!parse(RAW, opts).hri.includes(GS));
  assert.deepEqual(fields('(01) 09506000134352 (17) 260331 (10) ABC123 (21) 42'), EXPECTED);
  assert.equal(parse('(01)09506000134352(10)AB\\(1)', opts).lot, 'AB(1)');
});

test('GS1-06: malformed brackets and unknown AIs are rejected with positions', () => {
  throwsGs1(() => parse('(01)09506000134352(10', opts), 'GS1_BAD_BRACKETS', 18);
  throwsGs1(() => parse('(01)09506000134352(12345)X', opts), 'GS1_BAD_BRACKETS', 18);
  throwsGs1(() => parse('(01)09506000134352(89)X', opts), 'GS1_UNKNOWN_AI', 19);
  throwsGs1(() => parse('(01)09506000134352(10)', opts), 'GS1_EMPTY_VALUE', 22);
  throwsGs1(() => parse('(01)0950600013435(10)A', opts), 'GS1_VALUE_TOO_SHORT');
  throwsGs1(() => parse('(01)095060001343521(10)A', opts), 'GS1_VALUE_TOO_LONG', 18);
  throwsGs1(() => parse('(10)' + 'A'.repeat(21) + '(01)09506000134352', opts), 'GS1_VALUE_TOO_LONG', 24);
});

test('GS1-05: raw element string: GS ends a variable-length AI, predefined-length AIs need none', () => {
  assert.deepEqual(fields(RAW), EXPECTED);
  assert.equal(parse(RAW, opts).elementString, RAW);
  // GS after a predefined-length AI is allowed too.
  assert.deepEqual(fields(`0109506000134352${GS}17260331${GS}10ABC123${GS}2142`), EXPECTED);
});

test('GS1-05: symbology identifiers ]d2 ]C1 ]Q3 ]e0 ]J1 are stripped and recorded', () => {
  for (const id of [']d2', ']C1', ']Q3', ']e0', ']J1']) {
    const r = parse(id + RAW, opts);
    assert.deepEqual(fields(id + RAW), EXPECTED, id);
    assert.equal(r.symbology, id);
  }
});

test('GS1-05: a trailing GS and a leading GS are tolerated; strict mode rejects the leading GS', () => {
  assert.deepEqual(fields(RAW + GS), EXPECTED);
  assert.deepEqual(fields(GS + RAW), EXPECTED);
  assert.deepEqual(fields(']d2' + GS + RAW), EXPECTED);
  throwsGs1(() => parse(GS + RAW, { ...opts, strict: true }), 'GS1_UNEXPECTED_SEPARATOR', 0);
  throwsGs1(() => parse(`0109506000134352${GS}${GS}10A`, opts), 'GS1_UNEXPECTED_SEPARATOR', 17);
});

test('GS1-05: keyboard-wedge GS substitute (option gsSubstitute)', () => {
  assert.deepEqual(fields(RAW.replaceAll(GS, '~'), { gsSubstitute: '~' }), EXPECTED);
  assert.deepEqual(fields(RAW.replaceAll(GS, '|'), { gsSubstitute: '|' }), EXPECTED);
  assert.deepEqual(fields(`~${RAW.replaceAll(GS, '~')}~`, { gsSubstitute: '~' }), EXPECTED);
  assert.deepEqual(fields(RAW.replaceAll(GS, '<GS>'), { gsSubstitute: '<GS>' }), EXPECTED);
  // Without the option "~" stays data and is outside CSET 82.
  throwsGs1(() => parse(RAW.replaceAll(GS, '~'), opts), 'GS1_BAD_CHARACTER', 32);
});

test('GS1-05: error positions map back through a multi-character substitute', () => {
  const input = `0109506000134352<GS>10ABC123<GS>21${'X'.repeat(21)}`;
  throwsGs1(() => parse(input, { ...opts, gsSubstitute: '<GS>' }), 'GS1_VALUE_TOO_LONG', input.length - 1);
});

test('GS1-05: value lengths of predefined-length AIs are enforced', () => {
  throwsGs1(() => parse('01095060001343', opts), 'GS1_VALUE_TOO_SHORT', 14);
  throwsGs1(() => parse(`010950600013435${GS}10A`, opts), 'GS1_VALUE_TOO_SHORT', 15);
  throwsGs1(() => parse(`0109506000134352${'10' + 'A'.repeat(21)}`, opts), 'GS1_VALUE_TOO_LONG');
});

test('GS1-05: unknown or non-GS1 symbology identifiers are not parsed as GS1 element strings', () => {
  throwsGs1(() => parse(']C0' + RAW, opts), 'GS1_UNKNOWN_SCHEME', 3);
  throwsGs1(() => parse(']%%' + RAW, opts), 'GS1_UNSUPPORTED_SYMBOLOGY', 0);
  // ]Q1 / ]d1 carry plain data such as a Digital Link.
  assert.equal(parse(']Q1https://id.gs1.org/01/09506000134352', opts).gtin, '09506000134352');
});

test('GS1-05: surrounding whitespace and CR/LF from keyboard wedges are ignored; positions stay in input coordinates', () => {
  assert.deepEqual(fields(`  ${RAW}\r\n`), EXPECTED);
  throwsGs1(() => parse('  (01)09506000134353', opts), 'GS1_CHECK_DIGIT', 19);
});

test('GS1-05: a bare GTIN is only accepted when asked (never guessed)', () => {
  throwsGs1(() => parse('09506000134352', opts), 'GS1_UNKNOWN_AI', 0);
  assert.equal(parse('9506000134352', { ...opts, plainGtin: true }).gtin, '09506000134352');
});
