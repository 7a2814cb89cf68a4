import { describe, expect, test } from 'vitest';
import { addScan, flagsOfLine, hasBlocking, isQuantity, lineInput, type DraftLine } from './model.ts';

let n = 0;
const key = () => `k${++n}`;
const unit = (over: Partial<{ di: string; lot: string; serial: string; expiry: string }>) => ({
  raw: 'raw', di: over.di ?? '06901234567892', lot: over.lot ?? null, serial: over.serial ?? null, expiry: over.expiry ?? null, productionDate: null,
});

describe('receiving model', () => {
  test('a scan of a new DI and lot adds a line, a repeat increments it', () => {
    let lines: DraftLine[] = [];
    lines = addScan(lines, unit({ lot: 'L1', expiry: '2028-12-31' }), key).lines;
    lines = addScan(lines, unit({ lot: 'L1' }), key).lines;
    lines = addScan(lines, unit({ lot: 'L2' }), key).lines;
    expect(lines.map((l) => [l.lot, l.quantity, l.expiry])).toEqual([['L1', '2', '2028-12-31'], ['L2', '1', '']]);
    expect(lines[0].scans).toHaveLength(2);
  });

  test('serials count the quantity; a repeated serial is reported and not added', () => {
    let lines = addScan([], unit({ di: '06923456789012', lot: 'S', serial: 'A1' }), key).lines;
    lines = addScan(lines, unit({ di: '06923456789012', lot: 'S', serial: 'A2' }), key).lines;
    const again = addScan(lines, unit({ di: '06923456789012', lot: 'S', serial: 'A2' }), key);
    expect(again.duplicateSerial).toBe(true);
    expect(again.lines[0].serials).toEqual(['A1', 'A2']);
    expect(again.lines[0].quantity).toBe('2');
  });

  test('the line input leaves empty fields out', () => {
    const line: DraftLine = { key: 'a', di: null, lot: ' LOT ', serials: [], expiry: '', productionDate: '', quantity: '10', scans: [] };
    expect(lineInput(line)).toEqual({ lot: 'LOT', quantity: '10' });
    expect(lineInput({ ...line, orderLineId: 'pol_1' })).toEqual({ orderLineId: 'pol_1', lot: 'LOT', quantity: '10' });
  });

  test('quantities and flags', () => {
    expect(isQuantity('10')).toBe(true);
    expect(isQuantity('0')).toBe(false);
    expect(isQuantity('1.5')).toBe(true);
    expect(isQuantity('x')).toBe(false);
    const flags = [
      { code: 'EXPIRED', severity: 'block' as const, line: 1, message: { 'zh-CN': '过期', en: 'expired' } },
      { code: 'SCAN_COUNT_DIFFERS', severity: 'warn' as const, line: null, message: { 'zh-CN': '', en: '' } },
    ];
    expect(flagsOfLine(flags, 1).map((f) => f.code)).toEqual(['EXPIRED']);
    expect(flagsOfLine(flags, null).map((f) => f.code)).toEqual(['SCAN_COUNT_DIFFERS']);
    expect(hasBlocking(flags)).toBe(true);
    expect(hasBlocking(flags.slice(1))).toBe(false);
  });
});

import { needsColdChain, spreadReadings } from './model.ts';

describe('cold chain', () => {
  test('a product kept at 8 ℃ or colder needs the record', () => {
    expect(needsColdChain([{ storageTempMax: '30' }, { storageTempMax: null }])).toBe(false);
    expect(needsColdChain([{ storageTempMax: '8' }])).toBe(true);
  });
  test('readings are spread between departure and arrival', () => {
    const r = spreadReadings('2, 4，6', '2026-01-01T00:00:00.000Z', '2026-01-01T02:00:00.000Z');
    expect(r).toEqual([
      { at: '2026-01-01T00:00:00.000Z', celsius: 2 },
      { at: '2026-01-01T01:00:00.000Z', celsius: 4 },
      { at: '2026-01-01T02:00:00.000Z', celsius: 6 },
    ]);
    expect(spreadReadings('', '2026-01-01T00:00:00.000Z', '2026-01-01T02:00:00.000Z')).toEqual([]);
  });
});

import { putawayItems } from './model.ts';

describe('putaway items', () => {
  test('serials of one lot and bin are one item; lots carry the typed or full quantity', () => {
    const rows = [
      { productId: 'p1', lot: 'S', serial: 'A1', locationId: 'rcv', quantity: '1' },
      { productId: 'p1', lot: 'S', serial: 'A2', locationId: 'rcv', quantity: '1' },
      { productId: 'p2', lot: 'L', serial: '', locationId: 'rcv', quantity: '10.000' },
    ];
    expect(putawayItems(rows, { 'p2|L||rcv': '4' })).toEqual([
      { productId: 'p1', lot: 'S', serials: ['A1', 'A2'], fromLocationId: 'rcv' },
      { productId: 'p2', lot: 'L', serials: [], quantity: '4', fromLocationId: 'rcv' },
    ]);
  });
});
