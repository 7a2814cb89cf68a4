import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAcceptanceComplete, decideVerdicts } from './acceptance.rules.ts';
import type { ReceivedLine } from './acceptance.model.ts';

const stents: ReceivedLine = {
  id: 'grl_1', lineNo: 1, productId: 'p', productName: '支架', productModel: '3.0', registrant: 'R', registrationNo: 'N', udiDi: 'D',
  tracking: 'lot_serial', lot: 'L1', expiry: '2027-01-01', quantity: '3', serials: ['S1', 'S2', 'S3'], coldChainExcursion: false,
};

describe('acceptance rules', () => {
  test('CN-ACC-01: per-serial verdicts: rejected serials need a disposition; the rest are accepted', () => {
    const refused = decideVerdicts([{ receiptLineId: 'grl_1', verdict: 'accepted', rejectedSerials: [{ serial: 'S2', defect: '破损' }] }], [stents]);
    assert.deepEqual(refused.problems.map((p) => p.path), ['lines.0.disposition']);
    const ok = decideVerdicts([{ receiptLineId: 'grl_1', verdict: 'accepted', rejectedSerials: [{ serial: 'S2', defect: '破损' }], disposition: 'destroy' }], [stents]);
    assert.deepEqual([ok.lines[0].verdict, ok.lines[0].acceptedQuantity, ok.lines[0].rejectedQuantity], ['partial', '2', '1']);
  });

  test('CN-REC-03: a cold-chain excursion line can only be rejected', () => {
    const result = decideVerdicts([{ receiptLineId: 'grl_1', verdict: 'accepted', rejectedSerials: [] }], [{ ...stents, coldChainExcursion: true }]);
    assert.equal(result.problems[0].requirement, 'CN-REC-03');
  });

  test('CN-ACC-01 / F-CN-5: every missing field is named', () => {
    const header = { supplier_name: 'S', supplier_address: '', supplier_contact: 'C', purchase_date: '2026-11-01', inspector_name: 'I', acceptance_date: '2026-11-26' };
    const line = { product_name: 'n', product_model: 'm', quantity: '1', registration_no: 'r', registrant: 'g', expiry: null, verdict: 'accepted', accepted_quantity: '1', tracking: 'lot_serial', lot: 'L', serial_count: 0 };
    assert.deepEqual(checkAcceptanceComplete(header, [line]).map((p) => p.path), ['supplierAddress', 'lines.0.expiry', 'lines.0.serials']);
  });
});
