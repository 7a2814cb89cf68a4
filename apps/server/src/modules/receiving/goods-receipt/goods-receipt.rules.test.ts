import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeReceiptLines, resolveDi } from './goods-receipt.rules.ts';
import type { OrderedLine, ProductFacts } from './goods-receipt.model.ts';

const reagent: ProductFacts = { id: 'p_ivd', udiDi: '06945678901232', tracking: 'lot', storageTempMin: '2', storageTempMax: '8', packages: [{ udiDi: '16945678901239', quantity: 20 }] };
const orderLine: OrderedLine = { id: 'pol_1', lineNo: 1, productId: 'p_ivd', productName: '试剂盒', productModel: '25人份', registrant: 'R', registrationNo: 'N', unit: '盒', quantity: '100', receivedBefore: '61' };
const facts = { today: '2026-11-26', orderLines: [orderLine], products: new Map([[reagent.id, reagent]]), coldChain: undefined };
const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('goods receipt rules', () => {
  test('CN-UDI-03: a packaging-level DI counts its units; an unknown DI is not the ordered product', () => {
    assert.deepEqual(resolveDi('16945678901239', [reagent]), { productId: 'p_ivd', multiplier: 20 });
    assert.equal(resolveDi('06934567890122', [reagent]), null);
  });

  test('CN-REC-03: cold-chain goods without an arrival record are blocked', () => {
    const { lines, flags } = composeReceiptLines([{ productId: 'p_ivd', lot: 'A1', expiry: '2027-01-01', quantity: '10' }], facts);
    assert.equal(lines.length, 1);
    assert.deepEqual(codes(flags), ['COLD_CHAIN_RECORD_MISSING']);
  });

  test('CN-REC-03: an arrival at 9 ℃ for a 2–8 ℃ product is an excursion; the line goes to rejected', () => {
    const coldChain = { transportMode: 'refrigerated_vehicle' as const, readings: [{ at: '2026-11-26T08:00:00Z', celsius: 5 }], departedAt: '2026-11-26T08:00:00Z', arrivedAt: '2026-11-26T10:00:00Z', arrivalTemperature: 9 };
    const { lines, flags } = composeReceiptLines([{ productId: 'p_ivd', lot: 'A1', expiry: '2027-01-01', quantity: '10' }], { ...facts, coldChain });
    assert.equal(lines[0].coldChainExcursion, true);
    assert.deepEqual(codes(flags), ['COLD_CHAIN_EXCURSION']);
  });

  test('CN-REC-01: two case scans are 40 units; with 61 received before, 100 ordered, that is over-received', () => {
    const scan = '(01)16945678901239(17)270101(10)A1';
    const { lines, flags } = composeReceiptLines([{ scans: [scan, scan] }], facts);
    assert.equal(lines[0].quantity, '40');
    assert.ok(codes(flags).includes('OVER_RECEIPT'));
  });

  test('an expired lot is blocked; an expiry differing from the delivery note is a warning', () => {
    const { flags } = composeReceiptLines([{ productId: 'p_ivd', lot: 'A1', expiry: '2026-01-01', deliveryNoteExpiry: '2026-02-01', quantity: '1' }], facts);
    assert.deepEqual(flags.filter((f) => f.code !== 'COLD_CHAIN_RECORD_MISSING').map((f) => `${f.code}:${f.severity}`), ['EXPIRY_MISMATCH:warn', 'EXPIRED:block']);
  });
});
