import { describe, expect, it } from 'vitest';
import { visibleMenu } from '../../app/menu.ts';
import { approvalDone, isDecimalString, isPositiveDecimalString, orderBody, orderStatusColor, qualificationBlock } from './model.ts';

describe('purchase order helpers', () => {
  it('accepts exact decimals within the scale and nothing else', () => {
    expect(isDecimalString('5000', 3)).toBe(true);
    expect(isDecimalString('0.4500', 4)).toBe(true);
    expect(isDecimalString('0.45001', 4)).toBe(false);
    expect(isDecimalString('1e3', 3)).toBe(false);
    expect(isDecimalString('-1', 3)).toBe(false);
    expect(isDecimalString('1,000', 3)).toBe(false);
    expect(isDecimalString('', 3)).toBe(false);
    expect(isPositiveDecimalString('0.000', 3)).toBe(false);
    expect(isPositiveDecimalString('0.001', 3)).toBe(true);
  });

  it('builds the request body: strings untouched, 直调 fields both-or-neither', () => {
    const body = orderBody({
      supplierId: 'pty_1',
      qualityClause: ' 质量条款 ',
      afterSalesClause: '售后条款',
      note: '  ',
      direct: false,
      directReason: 'clinical_urgency',
      directCustomerId: 'pty_2',
      lines: [{ productId: 'prd_1', quantity: ' 2 ', unitPrice: '6800.00', unit: '' }],
    });
    expect(body).toEqual({
      supplierId: 'pty_1',
      qualityClause: '质量条款',
      afterSalesClause: '售后条款',
      expectedDeliveryDate: null,
      note: null,
      direct: false,
      directReason: null,
      directNote: null,
      directCustomerId: null,
      lines: [{ productId: 'prd_1', quantity: '2', unitPrice: '6800.00', unit: null }],
    });
    const direct = orderBody({ supplierId: 's', direct: true, directReason: 'other_permitted', directNote: '说明', directCustomerId: 'c', lines: [], reason: ' 改 ' });
    expect(direct.directReason).toBe('other_permitted');
    expect(direct.directNote).toBe('说明');
    expect(direct.directCustomerId).toBe('c');
    expect(direct.reason).toBe('改');
  });

  it('reads the reasons of a QUALIFICATION_BLOCKED answer', () => {
    const block = qualificationBlock({
      code: 'QUALIFICATION_BLOCKED',
      rule: 'supplier_licence_valid',
      requirement: 'CN-QUAL-01',
      facts: {
        lineNo: 2,
        reasons: [{ rule: 'supplier_licence_valid', requirement: 'CN-QUAL-01', message: { 'zh-CN': '供货者许可证已过期', en: 'Supplier licence expired' } }],
      },
    });
    expect(block).toEqual({ lineNo: 2, reasons: [{ rule: 'supplier_licence_valid', requirement: 'CN-QUAL-01', message: { 'zh-CN': '供货者许可证已过期', en: 'Supplier licence expired' } }] });
    expect(qualificationBlock({ code: 'VALIDATION_FAILED' })).toBeNull();
    // no facts: falls back to the problem's own rule and requirement
    expect(qualificationBlock({ code: 'QUALIFICATION_BLOCKED', rule: 'r', requirement: 'CN-QUAL-02', detail: 'd' })?.reasons).toEqual([{ rule: 'r', requirement: 'CN-QUAL-02', message: 'd' }]);
  });

  it('colours the statuses and tells when approval is complete', () => {
    expect(orderStatusColor('approved')).toBe('success');
    expect(orderStatusColor('rejected')).toBe('error');
    expect(orderStatusColor('weird')).toBe('default');
    expect(approvalDone([{ given: 1, required: 1 }, { given: 0, required: 1 }])).toBe(false);
    expect(approvalDone([{ given: 1, required: 1 }])).toBe(true);
  });

  it('shows the 采购 and 库存 menus by permission', () => {
    const keys = (perms: string[]) => visibleMenu(perms).map((n) => ('children' in n ? `${n.key}[${n.children.map((c) => c.key).join(',')}]` : n.key));
    expect(keys(['purchasing.purchase_order.read'])).toEqual(['home', 'purchasing[purchase-orders]']);
    expect(keys(['purchasing.purchase_order.read', 'purchasing.purchase_record.read'])).toEqual(['home', 'purchasing[purchase-orders,purchase-records]']);
    expect(keys(['inventory.stock.read'])).toEqual(['home', 'inventory[stock,stock-card,locations]']);
    expect(keys(['inventory.stock.hold'])).toEqual(['home']);
  });
});
