import { describe, expect, it } from 'vitest';
import zhCN from '../../platform/i18n/zh-CN.ts';
import en from '../../platform/i18n/en.ts';
import { ApiError } from '../../platform/api/problem.ts';
import {
  changeBody,
  changeStatusSpec,
  currentFile,
  daysUntil,
  diffChanges,
  documentPath,
  expiryDocumentPath,
  expiryLevel,
  expiryOf,
  fileStatusSpec,
  incompleteItems,
  indexBySubject,
  localToday,
  missingItemKey,
  MISSING_ITEM_KEYS,
  mostUrgent,
  partyFileKinds,
  qualificationOf,
  remapChangePaths,
  sameValue,
  subjectPath,
} from './model.ts';
import { inForceRuleIds, parseRuleParams } from './rules.ts';
import { FILE_STATUSES, RULE_KEYS, type ExpiryItem, type QualificationFile, type RuleVersion } from './types.ts';
import { importReportOf, parseGudidInput } from '../master-data/import/importModel.ts';
import { childCount, packagingProblems, toPackagingLevels } from '../master-data/product/packaging.ts';
import { diFromScan } from '../master-data/product/scan.ts';
import { selectedMenuKey, visibleMenu } from '../../app/menu.ts';
import { PRODUCT_DEFAULTED_FIELDS, type ProductInput } from '../master-data/product/types.ts';

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages);
}

const file = (over: Partial<QualificationFile>): QualificationFile => ({
  id: 'qf_1',
  number: 'QF-2026-000001',
  kind: 'product',
  subjectId: 'prd_1',
  subjectName: '一次性使用无菌注射器',
  note: null,
  reviewedBy: null,
  reviewedAt: null,
  missing: [],
  status: 'approved',
  version: 1,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  allowedActions: [],
  signatures: [],
  ...over,
});

const doc = (over: Partial<ExpiryItem>): ExpiryItem => ({
  documentType: 'licence',
  documentId: 'lic_1',
  number: '粤食药监械生产许20010001号',
  subjectKind: 'party',
  subjectId: 'pty_1',
  subjectName: '深圳迈瑞生物医疗电子股份有限公司',
  validTo: '2026-12-15',
  daysLeft: 20,
  expired: false,
  ...over,
});

describe('首营 status tags', () => {
  it('labels every status, and no file as 未建档', () => {
    const zh = [...FILE_STATUSES, null].map((s) => lookup(zhCN, fileStatusSpec(s).labelKey));
    expect(zh).toEqual(['草稿', '待审核', '待批准', '已批准', '已驳回', '已锁定', '未建档']);
    const eng = [...FILE_STATUSES, undefined].map((s) => lookup(en, fileStatusSpec(s).labelKey));
    expect(eng).toEqual(['Draft', 'Submitted', 'Reviewed', 'Approved', 'Rejected', 'Locked', 'No file']);
  });

  it('colours approved green, waiting blue/orange, rejected and locked red', () => {
    expect(fileStatusSpec('approved').color).toBe('success');
    expect(fileStatusSpec('submitted').color).toBe('processing');
    expect(fileStatusSpec('reviewed').color).toBe('warning');
    expect(fileStatusSpec('locked').color).toBe('error');
    expect(fileStatusSpec('rejected').color).toBe('error');
    expect(fileStatusSpec('bogus')).toEqual({ color: 'default', labelKey: 'qualification.fileStatus.none' });
  });

  it('labels change request states', () => {
    expect(lookup(zhCN, changeStatusSpec('submitted').labelKey!)).toBe('待审批');
    expect(lookup(zhCN, changeStatusSpec('approved').labelKey!)).toBe('已批准并生效');
    expect(changeStatusSpec('other').labelKey).toBeNull();
  });
});

describe('expiry badges', () => {
  it('is red when expired, orange within 30 days, gold within 90, nothing beyond', () => {
    expect(expiryLevel({ daysLeft: -10, expired: true })).toBe('expired');
    expect(expiryLevel({ daysLeft: 0, expired: false })).toBe('within30');
    expect(expiryLevel({ daysLeft: 30, expired: false })).toBe('within30');
    expect(expiryLevel({ daysLeft: 31, expired: false })).toBe('within90');
    expect(expiryLevel({ daysLeft: 90, expired: false })).toBe('within90');
    expect(expiryLevel({ daysLeft: 91, expired: false })).toBeNull();
    expect(expiryLevel(null)).toBeNull();
  });

  it('counts calendar days between dates, timestamps included', () => {
    expect(daysUntil('2026-12-15', '2026-11-25')).toBe(20);
    expect(daysUntil('2026-11-15', '2026-11-25')).toBe(-10);
    expect(daysUntil('2027-03-01T00:00:00.000Z', '2027-02-28')).toBe(1);
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2);
    expect(expiryOf('2026-11-24', '2026-11-25')).toEqual({ daysLeft: -1, expired: true });
    expect(expiryOf('2026-11-25', '2026-11-25')).toEqual({ daysLeft: 0, expired: false });
    expect(expiryOf(null, '2026-11-25')).toBeNull();
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('picks the most urgent document', () => {
    expect(mostUrgent([doc({ daysLeft: 25 }), doc({ daysLeft: -10, expired: true }), doc({ daysLeft: 20 })])?.daysLeft).toBe(-10);
    expect(mostUrgent([])).toBeNull();
  });
});

describe('joining files and expiry onto list rows', () => {
  const files = [
    file({ id: 'a', number: 'QF-2026-000002', kind: 'supplier', subjectId: 'pty_1', status: 'approved' }),
    file({ id: 'b', number: 'QF-2026-000005', kind: 'customer', subjectId: 'pty_1', status: 'draft' }),
    file({ id: 'c', number: 'QF-2026-000003', kind: 'product', subjectId: 'prd_1', status: 'rejected' }),
    file({ id: 'd', number: 'QF-2026-000004', kind: 'product', subjectId: 'prd_1', status: 'submitted' }),
    file({ id: 'e', number: 'QF-2026-000006', kind: 'product', subjectId: 'prd_2', status: 'rejected' }),
  ];
  const expiry = [
    doc({ subjectId: 'pty_1', daysLeft: 60, documentId: 'l1' }),
    doc({ subjectId: 'pty_1', daysLeft: 20, documentId: 'l2' }),
    doc({ subjectId: 'pty_9', daysLeft: -3, expired: true, documentId: 'l3' }),
  ];
  const index = indexBySubject(files, expiry);

  it('keeps one current file per subject and kind, preferring an open one over a rejected one', () => {
    expect(qualificationOf(index, 'pty_1').files.supplier?.id).toBe('a');
    expect(qualificationOf(index, 'pty_1').files.customer?.id).toBe('b');
    expect(qualificationOf(index, 'prd_1').files.product?.id).toBe('d');
    expect(qualificationOf(index, 'prd_2').files.product?.status).toBe('rejected');
    expect(currentFile([])).toBeNull();
  });

  it('sorts a subject’s documents by urgency and exposes the worst', () => {
    const q = qualificationOf(index, 'pty_1');
    expect(q.expiry.map((e) => e.documentId)).toEqual(['l2', 'l1']);
    expect(q.worst?.documentId).toBe('l2');
    expect(qualificationOf(index, 'pty_9').worst?.expired).toBe(true);
    expect(qualificationOf(index, 'pty_9').files).toEqual({});
  });

  it('answers 未建档 (no files, no badge) for unknown subjects and before the data arrives', () => {
    expect(qualificationOf(index, 'nobody')).toEqual({ files: {}, expiry: [], worst: null });
    expect(qualificationOf(undefined, 'prd_1')).toEqual({ files: {}, expiry: [], worst: null });
  });

  it('knows which files a party needs', () => {
    expect(partyFileKinds(['supplier', 'manufacturer'])).toEqual(['supplier']);
    expect(partyFileKinds(['manufacturer'])).toEqual(['supplier']);
    expect(partyFileKinds(['customer', 'supplier'])).toEqual(['supplier', 'customer']);
    expect(partyFileKinds(['carrier', 'third_party_logistics'])).toEqual([]);
  });
});

describe('change requests: before → after', () => {
  const current = { name: '医用外科口罩', storageTempMin: '2.0', registrationValidTo: '2029-01-10', implantable: false, kinds: ['supplier'], udiDi: '06901234567892' };

  it('treats formatting differences as equal', () => {
    expect(sameValue('2.0', '2')).toBe(true);
    expect(sameValue('8', 8)).toBe(true);
    expect(sameValue('2029-01-10T00:00:00.000Z', '2029-01-10')).toBe(true);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue('06901234567892', '6901234567892')).toBe(false);
    expect(sameValue(false, null)).toBe(false);
  });

  it('lists changed fields first and marks repeated current values as unchanged', () => {
    const rows = diffChanges(current, { implantable: false, name: '医用外科口罩（灭菌型）', storageTempMin: '2', registrationValidTo: '2031-01-10' });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['name', true],
      ['registrationValidTo', true],
      ['implantable', false],
      ['storageTempMin', false],
    ]);
    expect(rows[0]).toEqual({ field: 'name', before: '医用外科口罩', after: '医用外科口罩（灭菌型）', changed: true });
  });

  it('without the current record every field counts as changed', () => {
    expect(diffChanges(null, { name: 'x' })).toEqual([{ field: 'name', before: null, after: 'x', changed: true }]);
  });

  it('sends only changed fields, plus the fields the server would otherwise reset to their default', () => {
    const before = { model: '5ml', implantable: true, lightProtection: true, registrationKind: 'filing', storageTempMin: '2' } as unknown as ProductInput;
    const after = { ...before, model: '10ml' } as ProductInput;
    expect(changeBody(before, after, PRODUCT_DEFAULTED_FIELDS)).toEqual({ model: '10ml', registrationKind: 'filing', lightProtection: true, implantable: true });
    expect(changeBody(before, { ...before, storageTempMin: '2.0' } as ProductInput, PRODUCT_DEFAULTED_FIELDS)).toEqual({});
  });

  it('maps change-request field errors back onto form fields', () => {
    const err = new ApiError({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: 'changes.udiDi', message: '14 digits' }, { path: 'reason', message: 'required' }] });
    const mapped = remapChangePaths(err) as ApiError;
    expect(mapped.problem.errors).toEqual([{ path: 'udiDi', message: '14 digits' }, { path: 'reason', message: 'required' }]);
    expect(remapChangePaths('x')).toBe('x');
  });
});

describe('links', () => {
  it('finds the page of every document', () => {
    expect(documentPath('master_data.product', 'prd_1')).toBe('/master-data/products/prd_1');
    expect(documentPath('master_data.party', 'pty_1')).toBe('/master-data/parties/pty_1');
    expect(documentPath('qualification.file', 'qf_1')).toBe('/qualification/files/qf_1');
    expect(documentPath('qualification.change_request', 'chg_1')).toBe('/qualification/change-requests/chg_1');
    expect(documentPath('inventory.receipt', 'x')).toBeNull();
    expect(subjectPath('supplier', 'pty_1')).toBe('/master-data/parties/pty_1');
    expect(subjectPath('product', 'prd_1')).toBe('/master-data/products/prd_1');
  });

  it('opens the tab that holds an expiring document', () => {
    expect(expiryDocumentPath(doc({ documentType: 'licence' }))).toBe('/master-data/parties/pty_1?tab=licences');
    expect(expiryDocumentPath(doc({ documentType: 'authorisation' }))).toBe('/master-data/parties/pty_1?tab=authorisations');
    expect(expiryDocumentPath(doc({ documentType: 'registration', subjectKind: 'product', subjectId: 'prd_1' }))).toBe('/master-data/products/prd_1');
  });
});

describe('missing items', () => {
  it('reads the items of a QUALIFICATION_INCOMPLETE problem', () => {
    const problem = { code: 'QUALIFICATION_INCOMPLETE', errors: [{ path: 'registration.scan', message: 'the registration certificate or filing has no scan' }, { path: 'label', message: 'x' }] };
    expect(incompleteItems(problem)).toEqual(['registration.scan', 'label']);
    expect(incompleteItems({ code: 'VALIDATION_FAILED', errors: problem.errors })).toEqual([]);
  });

  it('has a Chinese and an English text for every item the server reports', () => {
    const serverItems = ['business_licence', 'business_licence.scan', 'trade_licence', 'trade_licence.scan', 'authorisation', 'authorisation.scan', 'delivery_note_template', 'seal',
      'registration', 'registration.scan', 'label', 'udi_di', 'customer_type', 'licence', 'licence.scope', 'licence.scan'];
    for (const item of serverItems) {
      const key = missingItemKey(item);
      expect(key, item).not.toBeNull();
      expect(lookup(zhCN, `qualification.missingItems.${key}`), item).toMatch(/[\u4e00-\u9fff]/);
      expect(typeof lookup(en, `qualification.missingItems.${key}`), item).toBe('string');
    }
    expect(MISSING_ITEM_KEYS).toHaveLength(serverItems.length);
    expect(missingItemKey('unknown.item')).toBeNull();
  });
});

describe('rules', () => {
  const rule = (over: Partial<RuleVersion>): RuleVersion => ({
    id: 'r', ruleKey: 'expiry_warning', version: 1, region: '*', enabled: true, params: {}, effectiveFrom: '2024-07-01', effectiveTo: null, requirementIds: ['CN-SYS-08'], ...over,
  });

  it('marks the version in force per rule and region', () => {
    const rules = [
      rule({ id: 'n1' }),
      rule({ id: 'n2', version: 2, effectiveFrom: '2026-01-01' }),
      rule({ id: 'n3', version: 3, effectiveFrom: '2027-01-01' }),
      rule({ id: 'sh1', region: '31', version: 1, effectiveFrom: '2025-01-01' }),
      rule({ id: 'old', ruleKey: 'expiry_sweep', effectiveTo: '2025-12-31' }),
    ];
    expect([...inForceRuleIds(rules, '2026-11-25')].sort()).toEqual(['n2', 'sh1']);
  });

  it('parses parameters as a JSON object', () => {
    expect(parseRuleParams('{"days": 45}')).toEqual({ ok: true, value: { days: 45 } });
    expect(parseRuleParams('  ')).toEqual({ ok: true, value: {} });
    expect(parseRuleParams('[1]')).toEqual({ ok: false });
    expect(parseRuleParams('{days: 1}')).toEqual({ ok: false });
  });

  it('names every rule in both languages', () => {
    for (const key of RULE_KEYS) {
      expect(lookup(zhCN, `rules.names.${key}`), key).toMatch(/[\u4e00-\u9fff]/);
      expect(lookup(en, `rules.names.${key}`), key).toMatch(/[A-Za-z]/);
    }
  });
});

describe('import report', () => {
  it('reads the row-level report carried by IMPORT_REJECTED', () => {
    const report = importReportOf({
      status: 422,
      code: 'IMPORT_REJECTED',
      facts: { rows: 2, accepted: 1, rejected: 1, errors: [{ row: 3, column: 'E', field: 'deviceClass', message: 'Invalid option' }, { junk: true }] },
    });
    expect(report).toEqual({ rows: 2, accepted: 1, rejected: 1, errors: [{ row: 3, column: 'E', field: 'deviceClass', message: 'Invalid option' }] });
    expect(importReportOf({ status: 400, code: 'IMPORT_BAD_HEADER', facts: {} })).toBeNull();
  });

  it('accepts GUDID JSON objects, arrays and XML text', () => {
    expect(parseGudidInput('{"gudid":{}}')).toEqual({ ok: true, value: { gudid: {} } });
    expect(parseGudidInput('[{"a":1}]')).toEqual({ ok: true, value: [{ a: 1 }] });
    expect(parseGudidInput(' <device/> ')).toEqual({ ok: true, value: '<device/>' });
    expect(parseGudidInput('42')).toEqual({ ok: false });
    expect(parseGudidInput('')).toEqual({ ok: false });
  });
});

describe('packaging levels', () => {
  it('mirrors the server checks', () => {
    expect(packagingProblems([{ name: '支', udiDi: '06901234567892', quantity: 1 }, { name: '盒', udiDi: null, quantity: 10 }])).toEqual([]);
    expect(packagingProblems([{ name: ' ', udiDi: null, quantity: 2 }])).toEqual([
      { index: 0, field: 'name', code: 'required' },
      { index: 0, field: 'quantity', code: 'unitIsOne' },
    ]);
    expect(packagingProblems([{ name: '支', udiDi: '06901234567893', quantity: 1 }, { name: '盒', udiDi: '123', quantity: 0 }]).map((p) => p.code)).toEqual(['checkDigit', 'positive', 'digits']);
    expect(packagingProblems([{ name: '支', udiDi: '06901234567892', quantity: 1 }, { name: '盒', udiDi: '06901234567892', quantity: 10 }])).toEqual([{ index: 1, field: 'udiDi', code: 'duplicate' }]);
  });

  it('numbers levels in order and derives the count of the level below', () => {
    const levels = toPackagingLevels([{ name: ' 支 ', udiDi: '', quantity: 1 }, { name: '盒', quantity: '10' }, { name: '箱', udiDi: '16901234567899', quantity: 100 }]);
    expect(levels).toEqual([
      { level: 0, name: '支', udiDi: null, quantity: 1 },
      { level: 1, name: '盒', udiDi: null, quantity: 10 },
      { level: 2, name: '箱', udiDi: '16901234567899', quantity: 100 },
    ]);
    expect(childCount(levels, 2)).toBe(10);
    expect(childCount(levels, 0)).toBeNull();
    expect(childCount([{ quantity: 1 }, { quantity: 10 }, { quantity: 25 }], 2)).toBeNull();
  });

  it('takes a 14-digit DI from a scan', () => {
    expect(diFromScan({ gtin: '06901234567892', di: '06901234567892' })).toBe('06901234567892');
    expect(diFromScan({ gtin: null, di: 'MA.156.M0.100001' })).toBeNull();
  });
});

describe('menu: 首营与资质 and 数据导入', () => {
  const keys = (perms: string[]) => visibleMenu(perms).map((n) => ('children' in n ? `${n.key}[${n.children.map((c) => c.key).join(',')}]` : n.key));

  it('shows each entry by its exact read permission', () => {
    const qaHead = ['master_data.product.read', 'master_data.party.read', 'master_data.import.apply', 'qualification.file.read', 'qualification.change_request.read', 'qualification.check.read', 'qualification.rule.read'];
    expect(keys(qaHead)).toEqual([
      'home',
      'master-data[products,parties,import]',
      'qualification[qualification-dashboard,qualification-files,change-requests,qualification-check,qualification-rules]',
    ]);
  });

  it('a warehouse keeper only sees the qualification check; import needs master_data.import.apply', () => {
    expect(keys(['master_data.product.read', 'master_data.party.read', 'qualification.check.read'])).toEqual(['home', 'master-data[products,parties]', 'qualification[qualification-check]']);
    expect(keys(['master_data.import.gudid'])).toEqual(['home']);
  });

  it('selects the dashboard only on its own path', () => {
    expect(selectedMenuKey('/qualification')).toBe('qualification-dashboard');
    expect(selectedMenuKey('/qualification/files/qf_1')).toBe('qualification-files');
    expect(selectedMenuKey('/master-data/import')).toBe('import');
  });
});
