import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDirectShipment, checkExpectedDelivery, checkParties, composeLines, computeApprovalProgress, computeLineAmount, computeLinesDigest,
  computeMaxDeviceClass, computeOrderTotal, decideLineUnit, formatQuantity, formatUnitPrice, mergeDraft, purchaseOrderRuleFacts, signedOrderContent,
} from './purchase-order.rules.ts';
import { createPurchaseOrderInput, type OrderDraft, type ProductSnapshot } from './purchase-order.model.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';

const product = (over: Partial<ProductSnapshot> = {}): ProductSnapshot => ({
  id: 'prd_1', name: '一次性使用无菌注射器', model: '5ml 带针', registrant: '山东威高', registrationNo: '国械注准20153150315', deviceClass: 'III', packageUnit: null, ...over,
});
const products = (...list: ProductSnapshot[]) => new Map(list.map((p) => [p.id, p]));
const line = (over: Record<string, unknown> = {}) => ({ productId: 'prd_1', quantity: '1', unitPrice: '1', unit: '支', ...over });
const draft = (over: Partial<OrderDraft> = {}): OrderDraft => createPurchaseOrderInput.parse({
  supplierId: 'pty_1', qualityClause: '质量条款', afterSalesClause: '售后条款', lines: [line()], ...over,
});

describe('purchase order rules (pure)', () => {
  test('amounts are exact decimals: 3 × 0.1 = 0.30, rounded half-up to the fen, never floats', () => {
    assert.equal(computeLineAmount('3', '0.1').toFixed(2), '0.30');
    assert.equal(3 * 0.1, 0.30000000000000004, 'what a float would have said');
    assert.equal(computeLineAmount('1', '1.005').toFixed(2), '1.01', 'a float rounds 1.005 down to 1.00');
    assert.equal(computeLineAmount('0.333', '3').toFixed(2), '1.00');
    assert.equal(computeLineAmount('2', '0.0025').toFixed(2), '0.01');
    // 26 significant digits: at decimal.js's default precision of 20 this would round twice, to …990.00.
    assert.equal(computeLineAmount('999999999.999', '10005.0005').toFixed(2), '10005000499989.99');
  });

  test('the total is the sum of the rounded line amounts, so lines and total always agree', () => {
    assert.equal(computeOrderTotal(['0.01', '0.01', '0.01']).toFixed(2), '0.03');
    const composed = composeLines([line({ unitPrice: '0.005' }), line({ unitPrice: '0.005' }), line({ unitPrice: '0.005' })], products(product()));
    assert.deepEqual(composed.lines.map((l) => l.amount), ['0.01', '0.01', '0.01']);
    assert.equal(composed.total, '0.03', 'not round(0.015) = 0.02');
  });

  test('an amount or total beyond numeric(16, 2) is refused', () => {
    const composed = composeLines([line({ quantity: '999999999.999', unitPrice: '9999999999.9999' })], products(product()));
    assert.deepEqual(composed.problems.map((p) => p.path), ['lines.0', 'lines']);
  });

  test('quantities and prices come in as strings or plain numbers and are checked for digits and sign', () => {
    const parse = (l: Record<string, unknown>) => createPurchaseOrderInput.safeParse({ supplierId: 'p', qualityClause: 'q', afterSalesClause: 'a', lines: [l] });
    assert.equal(parse(line({ quantity: 0.1, unitPrice: 12 })).success, true);
    for (const bad of [{ quantity: '0' }, { quantity: '-1' }, { quantity: '1e3' }, { quantity: '1.2345' }, { unitPrice: '1.23456' }, { unitPrice: '-1' }, { quantity: 1e21 }]) {
      assert.equal(parse(line(bad)).success, false, JSON.stringify(bad));
    }
  });

  test('numbers are shown plainly: quantities without trailing zeros, prices with at least two decimals', () => {
    assert.equal(formatQuantity('3.000'), '3');
    assert.equal(formatQuantity('2.500'), '2.5');
    assert.equal(formatUnitPrice('0.1000'), '0.10');
    assert.equal(formatUnitPrice('12.3456'), '12.3456');
  });

  test('CN-PUR-03: a direct shipment needs a reason code and its customer; an ordinary order has neither', () => {
    assert.deepEqual(checkDirectShipment(draft({ direct: true })).map((p) => p.path), ['directReason', 'directCustomerId']);
    assert.deepEqual(checkDirectShipment(draft({ direct: true, directReason: 'clinical_urgency', directCustomerId: 'pty_c' })), []);
    assert.deepEqual(checkDirectShipment(draft({ direct: true, directReason: 'other_permitted', directCustomerId: 'pty_c' })).map((p) => p.path), ['directNote']);
    assert.deepEqual(checkDirectShipment(draft({ directReason: 'epidemic' })).map((p) => p.path), ['directReason']);
    assert.equal(createPurchaseOrderInput.safeParse({ ...draft(), direct: true, directReason: 'convenience' }).success, false, 'only the listed reason codes');
  });

  test('turning a direct shipment back into an ordinary order clears its direct-shipment fields', () => {
    const direct = draft({ direct: true, directReason: 'disaster', directCustomerId: 'pty_c', directNote: '地震' });
    const merged = mergeDraft(direct, { direct: false });
    assert.deepEqual([merged.direct, merged.directReason, merged.directCustomerId, merged.directNote], [false, null, null, null]);
    assert.equal(mergeDraft(direct, { note: 'x' }).directReason, 'disaster');
  });

  test('the expected delivery is not before the order date; suppliers and direct customers have the right kind', () => {
    assert.deepEqual(checkExpectedDelivery('2026-05-31', '2026-06-01').map((p) => p.path), ['expectedDeliveryDate']);
    assert.deepEqual(checkExpectedDelivery('2026-06-01', '2026-06-01'), []);
    assert.deepEqual(checkExpectedDelivery(null, '2026-06-01'), []);
    const party = (kinds: string[]) => ({ id: 'p', name: 'n', address: 'a', contact: null, phone: null, kinds });
    assert.deepEqual(checkParties(party(['manufacturer']), undefined, { directCustomerId: null }), []);
    assert.deepEqual(checkParties(party(['customer']), party(['supplier']), { directCustomerId: 'c' }).map((p) => p.path), ['supplierId', 'directCustomerId']);
    assert.deepEqual(checkParties(undefined, undefined, { directCustomerId: 'c' }).map((p) => p.message), ['no such party', 'no such party']);
  });

  test('lines copy the product at order time; the unit falls back to the unit packaging level', () => {
    assert.equal(decideLineUnit('盒', '支'), '盒');
    assert.equal(decideLineUnit(null, '支'), '支');
    assert.equal(decideLineUnit(null, null), null);
    const composed = composeLines([line({ unit: null }), line({ productId: 'prd_x' }), line({ productId: 'prd_2', unit: null })], products(product(), product({ id: 'prd_2', packageUnit: '支', deviceClass: 'II' })));
    assert.deepEqual(composed.problems.map((p) => p.path), ['lines.0.unit', 'lines.1.productId']);
    assert.deepEqual(composed.lines.map((l) => [l.lineNo, l.unit, l.productName, l.registrationNo]), [[1, '', '一次性使用无菌注射器', '国械注准20153150315'], [3, '支', '一次性使用无菌注射器', '国械注准20153150315']]);
    assert.equal(computeMaxDeviceClass(['I', 'II']), 'II');
    assert.equal(computeMaxDeviceClass(['II', 'III', 'I']), 'III');
  });

  test('the lines digest depends on content, not on how the database formats numerics', () => {
    const [composed] = composeLines([line({ quantity: '3', unitPrice: '0.1' })], products(product())).lines;
    const fromDatabase = { ...composed, id: 'pol_1', quantity: '3.000', unitPrice: '0.1000', amount: '0.30' };
    assert.equal(computeLinesDigest([composed]), computeLinesDigest([fromDatabase]));
    assert.notEqual(computeLinesDigest([composed]), computeLinesDigest([{ ...composed, quantity: '4' }]));
  });

  test('a signature covers the header and, through the digest, the lines, but not workflow stamps', () => {
    const row = { org_id: 'o', id: 'po_1', status: 'approved', version: 1, created_by: 'u', total: '1.00', lines_digest: 'abc', approved_at: new Date(), cancel_reason: 'x', updated_at: new Date() } as DocumentRow;
    const content = signedOrderContent(row);
    assert.equal(content.lines_digest, 'abc');
    assert.equal(content.total, '1.00');
    for (const column of ['status', 'approved_at', 'cancel_reason', 'updated_at']) assert.ok(!(column in content), column);
  });

  test('approval-rule facts and progress', () => {
    const facts = purchaseOrderRuleFacts({ max_device_class: 'II', total: '100000.00', direct: false, supplier_id: 's' } as unknown as DocumentRow);
    assert.deepEqual(facts, { maxDeviceClass: 'II', total: 100000, direct: false, supplierId: 's' });
    const rule = { id: 'r1', rule_key: 'k', version: 1, document: 'd', transition: 'approve', condition: true, role_key: 'purchaser', required_count: 1, distinct_from_author: true, effective_from: '2026-01-01', effective_to: null, requirement_ids: ['CN-PUR-01'] };
    assert.deepEqual(computeApprovalProgress([rule], [{ rule_id: 'r1', approver_id: 'a' }, { rule_id: 'r1', approver_id: 'a' }]), [{ rule: 'k', role: 'purchaser', requirements: ['CN-PUR-01'], given: 1, required: 1 }]);
  });
});
