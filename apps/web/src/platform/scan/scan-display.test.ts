import { expect, test } from 'vitest';
import { describeScan, languageOf, resultRows, visibleControls } from './scan-display';

const today = new Date('2025-06-15T00:00:00Z');

test('GS1-05: zh-CN is the default language, en when the UI is English', () => {
  expect(languageOf(undefined)).toBe('zh');
  expect(languageOf('zh-CN')).toBe('zh');
  expect(languageOf('en')).toBe('en');
  expect(languageOf('en-US')).toBe('en');
});

test('CN-UDI-03: a GS1 scan shows DI, lot, serial and expiry rows', () => {
  const display = describeScan(']d2010950600013435217260331' + '10ABC123\u001d2142', { today }, 'zh');
  expect(display.status).toBe('ok');
  if (display.status !== 'ok') return;
  expect(display.scheme).toBe('GS1');
  const rows = Object.fromEntries(display.rows.map((r) => [r.key, r.value]));
  expect(rows).toMatchObject({ di: '09506000134352', lot: 'ABC123', serial: '42', expiry: '2026-03-31' });
  expect(display.rows[0]?.label).toBe('产品标识 (DI)');
});

test('GS1-05: keyboard-wedge GS substitute is supported', () => {
  const display = describeScan('0109506000134352~10L1~2142', { today, gsSubstitute: '~' }, 'en');
  expect(display.status).toBe('ok');
  if (display.status === 'ok') expect(resultRows(display.result, 'en').find((r) => r.key === 'lot')?.label).toBe('Lot');
});

test('CN-UDI-02: MA code is recognised; unknown schemes show the error in the user language', () => {
  const ma = describeScan('MA.156.M0.100001.10000018.L1.V260331', { today }, 'zh');
  expect(ma.status === 'ok' && ma.schemeLabel).toContain('MA');
  const zh = describeScan('XYZ', {}, 'zh');
  const en = describeScan('XYZ', {}, 'en');
  expect(zh).toMatchObject({ status: 'error', code: 'GS1_UNKNOWN_SCHEME', position: 0 });
  expect(zh.status === 'error' && zh.message).toContain('无法识别');
  expect(en.status === 'error' && en.message).toContain('Unrecognised');
});

test('GS1-01: a wrong check digit is an error with its position; empty input is neutral', () => {
  expect(describeScan('(01)09506000134353', {}, 'en')).toMatchObject({ status: 'error', code: 'GS1_CHECK_DIGIT', position: 17 });
  expect(describeScan('  ', {}, 'en')).toEqual({ status: 'empty' });
  expect(visibleControls('01\u001d10')).toBe('01<GS>10');
});
