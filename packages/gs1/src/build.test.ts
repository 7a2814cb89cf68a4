/** fromFields / fromElements: element string, HRI and Digital Link output (GS1-01, GS1-05, GS1-06, GS1-07, US-GUDID-01). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromElements, fromFields } from './build.ts';
import { GS } from './element-string.ts';
import { throwsGs1, TODAY } from './test-support.ts';

const opts = { today: TODAY };

test('GS1-06: fields → HRI (01)(17)(10)(21), predefined-length AIs first', () => {
  const r = fromFields({ gtin: '09506000134352', lot: 'ABC123', serial: '42', expiry: '2026-03-31' }, opts);
  assert.equal(r.hri, '(01)09506000134352(17)260331(10)ABC123(21)42');
  assert.equal(r.elementString, `01095060001343521726033110ABC123${GS}2142`);
  assert.equal(r.digitalLink, 'https://id.gs1.org/01/09506000134352/10/ABC123/21/42?17=260331');
});

test('US-GUDID-01: GTIN-8/12/13 fields are stored as 14 digits', () => {
  assert.equal(fromFields({ gtin: '9506000134352' }, opts).gtin, '09506000134352');
  assert.equal(fromFields({ gtin: '416000336108' }, opts).gtin, '00416000336108');
  assert.equal(fromFields({ gtin: '02345673' }, opts).gtin, '00000002345673');
  throwsGs1(() => fromFields({ gtin: '123' }, opts), 'GS1_BAD_FIELD');
  throwsGs1(() => fromFields({ gtin: '09506000134353' }, opts), 'GS1_CHECK_DIGIT');
});

test('GS1-04: ISO dates become YYMMDD; dates outside the century window or the calendar are refused', () => {
  const r = fromFields({ gtin: '09506000134352', productionDate: '2025-01-31', expiry: '2028-02-29' }, opts);
  assert.deepEqual([r.productionDate, r.expiry], ['2025-01-31', '2028-02-29']);
  assert.equal(r.hri, '(01)09506000134352(11)250131(17)280229');
  throwsGs1(() => fromFields({ gtin: '09506000134352', expiry: '2027-02-29' }, opts), 'GS1_BAD_DATE');
  throwsGs1(() => fromFields({ gtin: '09506000134352', expiry: '2090-01-01' }, opts), 'GS1_BAD_DATE');
  throwsGs1(() => fromFields({ gtin: '09506000134352', expiry: '31/03/2026' }, opts), 'GS1_BAD_DATE');
});

test('GS1-03: builders validate associations and values like the parser', () => {
  throwsGs1(() => fromFields({ lot: 'A' }, opts), 'GS1_MISSING_ASSOCIATION');
  throwsGs1(() => fromFields({ gtin: '09506000134352', lot: 'A'.repeat(21) }, opts), 'GS1_VALUE_TOO_LONG');
  throwsGs1(() => fromElements([], opts), 'GS1_EMPTY_INPUT');
  throwsGs1(() => fromElements([{ ai: '01', value: '09506000134352' }, { ai: '37', value: '5' }], opts), 'GS1_INVALID_ASSOCIATION');
  const logistic = fromFields({ sscc: '006141411234567890', content: '09506000134352', count: 25 }, opts);
  assert.equal(logistic.hri, '(00)006141411234567890(02)09506000134352(37)25');
  assert.equal(fromFields({ gtin: '09506000134352', count: 3 }, opts).hri, '(01)09506000134352(30)3');
});

test('GS1-05: element string ends without GS and has GS only after variable-length values', () => {
  const r = fromElements([
    { ai: '01', value: '09506000134352' }, { ai: '10', value: 'L1' }, { ai: '17', value: '260331' }, { ai: '21', value: 'S' },
  ], opts);
  assert.equal(r.elementString, `0109506000134352` + `10L1${GS}17260331` + '21S');
});

test('GS1-07: fromElements builds the Digital Link on the requested domain; extra AIs go to the query', () => {
  const r = fromFields({ gtin: '09506000134352', serial: 'S/1', extra: [{ ai: '240', value: 'REF-1' }] }, { ...opts, dlDomain: 'https://example.com/p' });
  assert.equal(r.digitalLink, 'https://example.com/p/01/09506000134352/21/S%2F1?240=REF-1');
});
