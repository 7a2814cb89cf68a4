/** CN-UDI-01..03 and US-GUDID-01: issuing agencies other than GS1, DI/PI separation, unknown schemes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hibcCheckCharacter } from './hibcc.ts';
import { parse } from './parse.ts';
import { throwsGs1, TODAY } from './test-support.ts';

const opts = { today: TODAY };
const MA = 'MA.156.M0.100001.10000018';
const withCheck = (data: string) => data + hibcCheckCharacter(data);

test('CN-UDI-02: MA code (IDcode) with .L lot, .S serial, .M production date, .V expiry, .D sterilisation lot', () => {
  const r = parse(`${MA}.L2020A01.S0001.M200101.V230101.D88`, opts);
  assert.equal(r.scheme, 'MA');
  assert.equal(r.di, MA);
  assert.equal(r.lot, '2020A01');
  assert.equal(r.serial, '0001');
  assert.equal(r.productionDate, '2020-01-01');
  assert.equal(r.expiry, '2023-01-01');
  assert.equal(r.sterilisationLot, '88');
  assert.equal(r.gtin, null);
  assert.equal(r.elementString, null);
  assert.deepEqual(r.elements.map((e) => e.ai), ['MA', '.L', '.S', '.M', '.V', '.D']);
});

test('CN-UDI-02: MA dates are YYMMDD or YYYYMMDD; .E (失效期) is the expiry too', () => {
  assert.equal(parse(`${MA}.E20271231`, opts).expiry, '2027-12-31');
  assert.equal(parse(`${MA}.V271130.E271231`, opts).expiry, '2027-12-31');
  assert.equal(parse(`${MA}.M20250101`, opts).productionDate, '2025-01-01');
  throwsGs1(() => parse(`${MA}.V270231`, opts), 'GS1_BAD_DATE', MA.length + 2);
  throwsGs1(() => parse(`${MA}.V2702`, opts), 'GS1_BAD_DATE');
});

test('CN-UDI-02: malformed MA codes are rejected with MA-specific errors', () => {
  const e = throwsGs1(() => parse('MA.156.M0.100001', opts), 'GS1_MA_BAD_DI');
  assert.equal(e.scheme, 'MA');
  throwsGs1(() => parse('MA.15.M0.100001.10000018', opts), 'GS1_MA_BAD_DI', 3);
  throwsGs1(() => parse(`${MA}.X123`, opts), 'GS1_MA_UNKNOWN_SEPARATOR', MA.length);
  throwsGs1(() => parse(`${MA}.L1.L2`, opts), 'GS1_MA_DUPLICATE_FIELD');
  throwsGs1(() => parse(`${MA}.L`, opts), 'GS1_EMPTY_VALUE');
  throwsGs1(() => parse(`${MA}.L12#3`, opts), 'GS1_BAD_CHARACTER');
});

test('CN-UDI-02: unknown schemes are rejected and never guessed', () => {
  for (const input of ['ABC123', 'ma.156.M0.100001.10000018', 'AHM.12345', '*12345*', 'urn:epc:id:sgtin:0614141.812345.6789']) {
    const e = throwsGs1(() => parse(input, opts), 'GS1_UNKNOWN_SCHEME', 0);
    assert.equal(e.message.zh.length > 0 && e.message.en.length > 0, true);
  }
  throwsGs1(() => parse('', opts), 'GS1_EMPTY_INPUT');
  throwsGs1(() => parse('   \r\n', opts), 'GS1_EMPTY_INPUT');
  throwsGs1(() => parse(42 as unknown as string, opts), 'GS1_BAD_INPUT');
});

test('CN-UDI-01: DI and PI components are separated for every scheme, with the issuing agency and package level', () => {
  const gs1 = parse('(01)19506000134359(11)250101(17)260331(10)L1(21)S1', opts);
  assert.deepEqual(
    [gs1.scheme, gs1.di, gs1.packageLevel, gs1.lot, gs1.serial, gs1.productionDate, gs1.expiry],
    ['GS1', '19506000134359', '1', 'L1', 'S1', '2025-01-01', '2026-03-31'],
  );
  const ma = parse(`${MA}.L1.S2.V260331`, opts);
  assert.deepEqual([ma.scheme, ma.di, ma.packageLevel, ma.lot, ma.serial, ma.expiry], ['MA', MA, '1', '1', '2', '2026-03-31']);
  const hibcc = parse(withCheck('+A123BJC5D6E71/$$3260331LOT1'), opts);
  assert.deepEqual([hibcc.scheme, hibcc.di, hibcc.packageLevel, hibcc.lot, hibcc.expiry], ['HIBCC', 'A123BJC5D6E71', '1', 'LOT1', '2026-03-31']);
});

test('CN-UDI-03: scanning populates DI, lot, serial and expiry for cross-checks against the PO line', () => {
  for (const input of [
    ']d2011950600013435917260331' + '10L1\u001d21S1',
    'https://id.gs1.org/01/19506000134359/10/L1/21/S1?17=260331',
    '(01)19506000134359(17)260331(10)L1(21)S1',
  ]) {
    const r = parse(input, opts);
    assert.deepEqual([r.di, r.lot, r.serial, r.expiry], ['19506000134359', 'L1', 'S1', '2026-03-31'], input);
  }
});

test('US-GUDID-01: HIBCC primary with mod-43 check character', () => {
  assert.equal(hibcCheckCharacter('+A123BJC5D6E71'), 'G');
  const r = parse('+A123BJC5D6E71G', opts);
  assert.deepEqual(r.elements, [{ ai: 'LIC', value: 'A123' }, { ai: 'PCN', value: 'BJC5D6E7' }, { ai: 'UOM', value: '1' }]);
  const e = throwsGs1(() => parse('+A123BJC5D6E71H', opts), 'GS1_HIBCC_CHECK_CHARACTER', 14);
  assert.equal(e.scheme, 'HIBCC');
});

test('US-GUDID-01: HIBCC secondary data: lot, serial, quantity and date formats', () => {
  const separate = parse(withCheck('+$$3260331LOT123G'), opts);
  assert.deepEqual([separate.di, separate.lot, separate.expiry], [null, 'LOT123', '2026-03-31']);
  assert.equal(parse(withCheck('+$+SER1G'), opts).serial, 'SER1');
  assert.equal(parse(withCheck('+$LOT9G'), opts).lot, 'LOT9');
  assert.equal(parse(withCheck('+A123BJC5D6E71/$$0327LOT'), opts).expiry, '2027-03-31');
  assert.equal(parse(withCheck('+A123BJC5D6E71/$$2032726LOT'), opts).expiry, '2026-03-27');
  assert.equal(parse(withCheck('+A123BJC5D6E71/$$526032LOT'), opts).expiry, '2026-02-01');
  assert.equal(parse(withCheck('+A123BJC5D6E71/$$+7SER'), opts).serial, 'SER');
  const qty = parse(withCheck('+A123BJC5D6E71/$$8053260331LOT'), opts);
  assert.deepEqual([qty.count, qty.expiry, qty.lot], [5, '2026-03-31', 'LOT']);
  const supplemental = parse(withCheck('+A123BJC5D6E71/$LOT/16D20250101/14D20270101/SSER'), opts);
  assert.deepEqual([supplemental.lot, supplemental.productionDate, supplemental.expiry, supplemental.serial], ['LOT', '2025-01-01', '2027-01-01', 'SER']);
  throwsGs1(() => parse(withCheck('+A123BJC5D6E71/$$3261331LOT'), opts), 'GS1_BAD_DATE');
  throwsGs1(() => parse(withCheck('+1123BJC5D6E71'), opts), 'GS1_HIBCC_BAD_FORMAT', 1);
  throwsGs1(() => parse('+a123', opts), 'GS1_HIBCC_BAD_FORMAT', 1);
});

test('US-GUDID-01: HIBCC and ICCBBA data are never mis-parsed as GS1', () => {
  const hibcc = throwsGs1(() => parse('+0109506000134352', opts), 'GS1_HIBCC_CHECK_CHARACTER');
  assert.equal(hibcc.scheme, 'HIBCC');
  const iccbba = throwsGs1(() => parse('=0109506000134352', opts), 'GS1_ICCBBA_UNSUPPORTED', 0);
  assert.equal(iccbba.scheme, 'ICCBBA');
  throwsGs1(() => parse('&!0109506000134352', opts), 'GS1_ICCBBA_UNSUPPORTED', 0);
  throwsGs1(() => parse('=/A9999XYZ100T094', opts), 'GS1_ICCBBA_BAD_FORMAT', 2);
  throwsGs1(() => parse('=/A9999XYZ100T0944=>014400', opts), 'GS1_BAD_DATE');
});
