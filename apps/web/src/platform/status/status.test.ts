import { describe, expect, it } from 'vitest';
import zhCN from '../i18n/zh-CN.ts';
import en from '../i18n/en.ts';
import { chainStatusColor, deliveryStatusColor, RECORD_STATUSES, statusTagSpec } from './status.ts';
import { hasPermission, hasPermissionUnder } from '../permissions/permissions.ts';
import { selectedMenuKey, visibleMenu } from '../../app/menu.ts';
import { formatAuditValue, isLocked } from '../format/format.ts';
import { auditEntryColor, orderChanges } from '../audit/types.ts';
import { buildSignaturePayload } from '../signature/types.ts';

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages);
}

describe('status tag mapping', () => {
  it('maps every record status to a colour and a label', () => {
    expect(statusTagSpec('draft')).toEqual({ color: 'default', labelKey: 'status.draft' });
    expect(statusTagSpec('submitted')).toEqual({ color: 'processing', labelKey: 'status.submitted' });
    expect(statusTagSpec('approved')).toEqual({ color: 'success', labelKey: 'status.approved' });
    expect(statusTagSpec('rejected')).toEqual({ color: 'error', labelKey: 'status.rejected' });
    expect(statusTagSpec('archived')).toEqual({ color: 'warning', labelKey: 'status.unknown' });
  });

  it('labels are 草稿 / 待审核 / 已批准 / 已驳回 and Draft / Submitted / Approved / Rejected', () => {
    expect(RECORD_STATUSES.map((s) => lookup(zhCN, statusTagSpec(s).labelKey))).toEqual(['草稿', '待审核', '已批准', '已驳回']);
    expect(RECORD_STATUSES.map((s) => lookup(en, statusTagSpec(s).labelKey))).toEqual(['Draft', 'Submitted', 'Approved', 'Rejected']);
  });

  it('colours deliveries and the hash chain', () => {
    expect(deliveryStatusColor('dead')).toBe('error');
    expect(deliveryStatusColor('delivered')).toBe('success');
    expect(chainStatusColor('intact')).toBe('success');
    expect(chainStatusColor('pending')).toBe('warning');
    expect(chainStatusColor('broken')).toBe('error');
  });
});

describe('permissions and menu', () => {
  const qa = ['master_data.product.create', 'master_data.product.submit', 'master_data.party.create'];
  it('checks exact keys and namespaces', () => {
    expect(hasPermission(qa, 'master_data.product.create')).toBe(true);
    expect(hasPermission(qa, 'master_data.product.approve')).toBe(false);
    expect(hasPermissionUnder(qa, 'master_data.product')).toBe(true);
    expect(hasPermissionUnder(qa, 'master_data.prod')).toBe(false);
    expect(hasPermission(['*'], 'anything')).toBe(true);
  });

  it('hides menu entries and empty groups the user cannot use', () => {
    const keys = (perms: string[]) => visibleMenu(perms).map((n) => ('children' in n ? `${n.key}[${n.children.map((c) => c.key).join(',')}]` : n.key));
    expect(keys(qa)).toEqual(['home', 'master-data[products,parties]']);
    expect(keys(['identity.user.create', 'audit.history.read'])).toEqual(['home', 'admin[users]', 'audit']);
  });

  it('selects the menu entry by longest path prefix', () => {
    expect(selectedMenuKey('/')).toBe('home');
    expect(selectedMenuKey('/master-data/products/01J/edit')).toBe('products');
    expect(selectedMenuKey('/admin/webhooks')).toBe('webhooks');
    expect(selectedMenuKey('/nowhere')).toBeUndefined();
  });
});

describe('audit helpers', () => {
  const labels = { empty: '（空）', yes: '是', no: '否' };
  it('formats audited values', () => {
    expect(formatAuditValue(null, labels)).toBe('（空）');
    expect(formatAuditValue(true, labels)).toBe('是');
    expect(formatAuditValue(['supplier', 'carrier'], labels)).toBe('supplier, carrier');
    expect(formatAuditValue({ a: 1 }, labels)).toBe('{"a":1}');
    expect(formatAuditValue('2.5', labels)).toBe('2.5');
  });

  it('colours entries and puts bookkeeping fields last', () => {
    expect(auditEntryColor({ op: 'UPDATE', command: 'master_data.product.approve', signatures: [] })).toBe('green');
    expect(auditEntryColor({ op: 'UPDATE', command: 'master_data.product.reject', signatures: [] })).toBe('red');
    expect(auditEntryColor({ op: 'INSERT', command: 'master_data.product.create', signatures: [] })).toBe('blue');
    expect(orderChanges([{ field: 'status', before: 1, after: 2 }, { field: 'name', before: 'a', after: 'b' }]).map((c) => c.field)).toEqual(['name', 'status']);
  });

  it('detects locked accounts', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(isLocked('2026-01-01T00:15:00Z', now)).toBe(true);
    expect(isLocked('2025-12-31T23:00:00Z', now)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });

  it('builds signature payloads without empty reasons', () => {
    expect(buildSignaturePayload({ password: 'pw', meaning: 'approved', reason: '  ' })).toEqual({ signature: { password: 'pw', meaning: 'approved' } });
    expect(buildSignaturePayload({ password: 'pw', meaning: 'rejected', reason: ' 资质过期 ' })).toEqual({ signature: { password: 'pw', meaning: 'rejected' }, reason: '资质过期' });
  });
});
