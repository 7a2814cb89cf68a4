import { describe, expect, it } from 'vitest';
import {
  balanceKey,
  commonStatus,
  compareDecimals,
  isMovableQuantity,
  isSignedQuantity,
  movementRefusal,
  movementSign,
  qualityStatusColor,
  signedQuantity,
  stockCardPath,
  stockItems,
  trimDecimal,
} from './model.ts';
import type { Balance } from './types.ts';

const row = (over: Partial<Balance> = {}): Balance => ({
  productId: 'prd_1',
  productName: '冠状动脉药物洗脱支架系统',
  model: '3.0×18mm',
  udiDi: '06923456789012',
  lot: 'L24A07',
  serial: 'ST0001',
  expiry: '2027-12-31',
  locationId: 'loc_1',
  locationCode: 'SH-01-A-02-01',
  status: 'released',
  quantity: '1.000',
  ...over,
});

describe('inventory helpers', () => {
  it('colours the quality statuses', () => {
    expect(qualityStatusColor('quarantine')).toBe('yellow');
    expect(qualityStatusColor('released')).toBe('green');
    expect(qualityStatusColor('rejected')).toBe('red');
    expect(qualityStatusColor('hold')).toBe('orange');
    expect(qualityStatusColor('recalled')).toBe('purple');
    expect(qualityStatusColor('expired')).toBe('default');
    expect(qualityStatusColor('returned')).toBe('yellow');
    expect(qualityStatusColor('x')).toBe('default');
  });

  it('handles decimal strings exactly', () => {
    expect(trimDecimal('500.000')).toBe('500');
    expect(trimDecimal('1.250')).toBe('1.25');
    expect(trimDecimal('0.000')).toBe('0');
    expect(trimDecimal('12')).toBe('12');
    expect(compareDecimals('10', '9.999')).toBe(1);
    expect(compareDecimals('0.3', '0.30')).toBe(0);
    expect(compareDecimals('0.1', '0.25')).toBe(-1);
    expect(isMovableQuantity('120', '120.000')).toBe(true);
    expect(isMovableQuantity('120.001', '120.000')).toBe(false);
    expect(isMovableQuantity('0', '5')).toBe(false);
    expect(isMovableQuantity('1.0001')).toBe(false);
    expect(isSignedQuantity('-2')).toBe(true);
    expect(isSignedQuantity('0')).toBe(false);
    expect(isSignedQuantity('3.5')).toBe(true);
  });

  it('signs stock-card quantities', () => {
    expect(movementSign('-1.000')).toBe('out');
    expect(movementSign('1.000')).toBe('in');
    expect(signedQuantity('-1.000')).toBe('-1');
    expect(signedQuantity('500.000')).toBe('+500');
    expect(signedQuantity('0.000')).toBe('0');
  });

  it('turns selected balances into command items', () => {
    const a = row();
    const b = row({ serial: '', lot: '2405001', quantity: '500.000', productId: 'prd_2' });
    expect(stockItems([a, b], { [balanceKey(b)]: ' 20 ' })).toEqual([
      { productId: 'prd_1', lot: 'L24A07', serial: 'ST0001', locationId: 'loc_1', quantity: '1' },
      { productId: 'prd_2', lot: '2405001', serial: '', locationId: 'loc_1', quantity: '20' },
    ]);
    expect(commonStatus([a, b])).toBe('released');
    expect(commonStatus([a, row({ status: 'hold' })])).toBeNull();
    expect(commonStatus([])).toBeNull();
  });

  it('links a serial to its stock card with its lot', () => {
    expect(stockCardPath(row())).toBe('/inventory/stock-card?productId=prd_1&lot=L24A07&serial=ST0001');
    expect(stockCardPath(row({ serial: '' }))).toBe('/inventory/stock-card?productId=prd_1&lot=L24A07');
  });

  it('recognises the bin refusals it explains', () => {
    expect(movementRefusal({ code: 'MOVEMENT_REFUSED', requirement: 'CN-INV-01' })).toBe('CN-INV-01');
    expect(movementRefusal({ code: 'MOVEMENT_REFUSED', requirement: 'CN-INV-06' })).toBe('CN-INV-06');
    expect(movementRefusal({ code: 'MOVEMENT_REFUSED', requirement: 'CN-SYS-09' })).toBe('other');
    expect(movementRefusal({ code: 'INSUFFICIENT_STOCK' })).toBeNull();
  });
});
