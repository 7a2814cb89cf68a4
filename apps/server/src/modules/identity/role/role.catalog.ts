/**
 * The seeded roles and the permission patterns they hold. A pattern ends in `*` to take every
 * permission key with that prefix; everything else is denied (deny by default).
 */
export interface RoleSeed {
  key: string;
  nameZh: string;
  nameEn: string;
  patterns: string[];
}

const READ_MASTER_DATA = ['inventory.stock.read', 'master_data.product.read', 'master_data.party.read', 'master_data.warehouse.read', 'platform.file.read', 'qualification.check.read'];
const RECEIVING_READ = ['receiving.goods_receipt.read', 'receiving.acceptance.read', 'receiving.putaway.read', 'receiving.aggregation.read'];

export const roleCatalog: RoleSeed[] = [
  {
    key: 'admin',
    nameZh: '系统管理员',
    nameEn: 'Administrator',
    patterns: ['identity.*', 'integration.*', 'audit.*', ...READ_MASTER_DATA],
  },
  {
    key: 'qa_head',
    nameZh: '质量负责人',
    nameEn: 'QA head',
    patterns: [
      'master_data.*', 'qualification.*', 'inventory.stock.read', 'inventory.stock.hold', 'inventory.stock.release_hold', 'inventory.stock.adjust', 'platform.file.*', 'platform.approval_rule.publish', 'platform.approval_inbox.read',
      'audit.history.read', 'audit.trail.read', 'identity.user.read', 'identity.role.read',
      // Second approver of class III, high-value and direct-shipment purchase orders (see defaultApprovalRules).
      'purchasing.purchase_order.read', 'purchasing.purchase_order.approve', 'purchasing.purchase_order.reject', 'purchasing.purchase_record.read',
      // Reads every receiving record (receipts, acceptance, putaway, SSCC trace); decides nothing there.
      ...RECEIVING_READ,
    ],
  },
  {
    key: 'qa_inspector',
    nameZh: '质量管理员/验收员',
    nameEn: 'QA inspector',
    patterns: [
      'master_data.product.create', 'master_data.product.update', 'master_data.product.submit',
      'master_data.party.create', 'master_data.party.update', 'master_data.party.submit',
      'master_data.product.set_packaging', 'master_data.licence.*', 'master_data.authorisation.*', 'platform.file.upload',
      'master_data.import.apply', 'master_data.import.gudid',
      'qualification.file.create', 'qualification.file.update', 'qualification.file.submit', 'qualification.file.review',
      'qualification.file.read', 'qualification.change_request.create', 'qualification.change_request.submit', 'qualification.change_request.read',
      'qualification.rule.read', 'platform.approval_inbox.read', ...READ_MASTER_DATA, 'audit.history.read',
      'purchasing.purchase_order.read', 'purchasing.purchase_record.read',
      // 验收员: writes and signs the acceptance record (CN-ACC-01).
      'receiving.acceptance.create', 'receiving.acceptance.accept', 'receiving.acceptance.cancel', ...RECEIVING_READ,
    ],
  },
  {
    key: 'purchaser',
    nameZh: '采购员',
    nameEn: 'Purchaser',
    // Drafts, submits, closes and cancels orders; approves orders of other purchasers (never one's own).
    patterns: [...READ_MASTER_DATA, 'qualification.file.read', 'purchasing.*', 'platform.approval_inbox.read'],
  },
  {
    key: 'warehouse_keeper',
    nameZh: '保管员',
    nameEn: 'Warehouse keeper',
    patterns: [
      ...READ_MASTER_DATA, 'inventory.location.create', 'inventory.stock.transfer', 'inventory.stock.hold',
      // Receives against approved orders and puts released stock away; never accepts (CN-SYS-01).
      'receiving.goods_receipt.*', 'receiving.putaway.*', 'receiving.aggregation.read', 'receiving.acceptance.read', 'purchasing.purchase_order.read',
    ],
  },
  { key: 'outbound_reviewer', nameZh: '复核员', nameEn: 'Outbound reviewer', patterns: [...READ_MASTER_DATA] },
  { key: 'sales', nameZh: '销售员', nameEn: 'Sales', patterns: [...READ_MASTER_DATA, 'qualification.file.read'] },
  { key: 'recall_coordinator', nameZh: '召回协调员', nameEn: 'Recall coordinator', patterns: [...READ_MASTER_DATA, 'audit.history.read'] },
  {
    key: 'auditor',
    nameZh: '审计员（只读）',
    nameEn: 'Auditor (read-only)',
    patterns: ['*.read'],
  },
];

/** Expands patterns against the permission catalog. `*.read` means every read permission. */
export function expandPatterns(patterns: string[], catalog: string[]): string[] {
  const granted = new Set<string>();
  for (const pattern of patterns) {
    for (const key of catalog) {
      if (pattern === key) granted.add(key);
      else if (pattern.startsWith('*.') && key.endsWith(pattern.slice(1))) granted.add(key);
      else if (pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1))) granted.add(key);
    }
  }
  return [...granted].sort();
}
