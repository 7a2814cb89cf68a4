import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateQualification, scopeCovers, selectRules, type CheckSituation } from './qualification.rules.ts';
import { defaultRules } from '../rule/rule.commands.ts';
import type { PartyFacts, ProductFacts, RuleVersion } from './facts.ts';
import { classifyExpiry } from '../expiry/expiry.rules.ts';
import { checkProductFile, checkSupplierFile } from '../qualification-file/qualification-file.rules.ts';

const rules: RuleVersion[] = defaultRules.map((r, i) => ({
  id: `r${i}`, rule_key: r.key, version: 1, region: '*', enabled: true, params: r.params ?? {}, effective_from: '2024-07-01', effective_to: null, requirement_ids: r.requirements,
}));

const product = (over: Partial<ProductFacts> = {}): ProductFacts => ({
  id: 'prd', name: '注射器', status: 'approved', lockedReason: null, deviceClass: 'III', categoryCode: '14-01-01', registrationKind: 'registration',
  registrationNo: '国械注准1', registrationValidFrom: '2020-01-01', registrationValidTo: '2030-01-01', hasRegistrationFile: true, hasLabel: true,
  udiDi: '06901234567892', issuingAgency: 'GS1', file: { id: 'qf1', number: 'QF-1', status: 'approved' }, ...over,
});
const supplier = (over: Partial<PartyFacts> = {}): PartyFacts => ({
  id: 'pty', name: '供应商', status: 'approved', lockedReason: null, kinds: ['supplier'], region: '31', customerType: null, hasDeliveryNote: true, hasSeal: true,
  licences: [
    { id: 'l1', type: 'business_licence', number: 'B', scope: [], validFrom: '2019-01-01', validTo: null, active: true, hasFile: true },
    { id: 'l2', type: 'operating_licence', number: 'O', scope: ['14'], validFrom: '2019-01-01', validTo: '2029-01-01', active: true, hasFile: true },
  ],
  authorisations: [{ id: 'a1', productIds: ['prd'], territory: ['31'], validFrom: '2025-01-01', validTo: '2027-01-01', active: true, salespersonIdNumber: '310115198507121234', hasFile: true }],
  files: { supplier: { id: 'qf2', number: 'QF-2', status: 'approved' } }, ...over,
});
const situation = (over: Partial<CheckSituation> = {}): CheckSituation => ({ date: '2026-06-01', region: '31', product: product(), supplier: supplier(), ...over });
const blockedBy = (s: CheckSituation, rs = rules) => evaluateQualification('purchase', s, rs).reasons.map((r) => `${r.rule}:${r.requirement}`);

describe('qualification rules (pure)', () => {
  test('a qualified supplier and product are allowed', () => {
    const result = evaluateQualification('purchase', situation(), rules);
    assert.equal(result.decision, 'allow', JSON.stringify(result.reasons));
  });

  test('CN-SYS-07: scope codes cover their descendants only', () => {
    assert.equal(scopeCovers(['14'], '14-01-01'), true);
    assert.equal(scopeCovers(['14-01'], '14-01-01'), true);
    assert.equal(scopeCovers(['14-02'], '14-01-01'), false);
    assert.equal(scopeCovers(['1'], '14-01'), false);
  });

  test('CN-SYS-07: an expired distribution licence or a product outside the scope is blocked', () => {
    const expired = supplier();
    expired.licences[1] = { ...expired.licences[1], validTo: '2026-05-31' };
    assert.deepEqual(blockedBy(situation({ supplier: expired })), ['supplier_licence_valid:CN-SYS-07']);
    assert.deepEqual(blockedBy(situation({ product: product({ categoryCode: '22-04' }) })), ['supplier_scope_covers_product:CN-SYS-07']);
  });

  test('CN-SYS-07: class II accepts a filing, class III needs a licence', () => {
    const filed = supplier();
    filed.licences[1] = { ...filed.licences[1], type: 'operating_filing' };
    assert.deepEqual(blockedBy(situation({ supplier: filed, product: product({ deviceClass: 'II' }) })), []);
    assert.deepEqual(blockedBy(situation({ supplier: filed })), ['supplier_licence_valid:CN-SYS-07']);
  });

  test('CN-QUAL-01 / CN-QUAL-02: without approved supplier and product files a purchase is blocked', () => {
    assert.deepEqual(blockedBy(situation({ supplier: supplier({ files: {} }) })), ['supplier_file_approved:CN-QUAL-01']);
    assert.deepEqual(blockedBy(situation({ product: product({ file: { id: 'x', number: 'QF-9', status: 'locked' } }) })), ['product_file_approved:CN-QUAL-02']);
  });

  test('CN-QUAL-03: the authorisation must cover product, territory and date', () => {
    assert.deepEqual(blockedBy(situation({ region: '44' })), ['supplier_authorisation_covers:CN-QUAL-03']);
    assert.deepEqual(blockedBy(situation({ date: '2027-01-02', product: product() })), ['supplier_authorisation_covers:CN-QUAL-03']);
    assert.deepEqual(blockedBy(situation({ product: product({ id: 'other' }) })), ['supplier_authorisation_covers:CN-QUAL-03']);
  });

  test('CN-QUAL-07: an expired registration certificate is a hard block; a filing without end date is not', () => {
    assert.deepEqual(blockedBy(situation({ product: product({ registrationValidTo: '2026-05-01' }) })), ['product_registration_valid:CN-QUAL-07']);
    assert.deepEqual(blockedBy(situation({ product: product({ registrationKind: 'filing', registrationValidTo: null }) })), []);
  });

  test('CN-SYS-08: a document expiring within the warning window gives a warning, not a block', () => {
    const result = evaluateQualification('purchase', situation({ date: '2026-12-20' }), rules);
    assert.equal(result.decision, 'allow');
    assert.ok(result.warnings.some((w) => w.rule === 'expiry_warning' && (w.facts.daysLeft as number) === 12));
  });

  test('rules are data: a regional version replaces the national one from its effective date', () => {
    const regional: RuleVersion = { ...rules.find((r) => r.rule_key === 'supplier_authorisation_covers')!, id: 'reg', region: '44', version: 1, enabled: false, effective_from: '2026-01-01' };
    const all = [...rules, regional];
    assert.equal(selectRules(all, '44', '2026-06-01').get('supplier_authorisation_covers')!.id, 'reg');
    assert.equal(selectRules(all, '31', '2026-06-01').get('supplier_authorisation_covers')!.region, '*');
    assert.equal(selectRules(all, '44', '2025-06-01').get('supplier_authorisation_covers')!.region, '*');
    assert.deepEqual(blockedBy(situation({ region: '44' }), all), []);
  });

  test('CN-SYS-08: expiry classification', () => {
    assert.equal(classifyExpiry(null, '2026-01-01', 30), 'valid');
    assert.equal(classifyExpiry('2026-01-31', '2026-01-01', 30), 'expiring');
    assert.equal(classifyExpiry('2026-02-01', '2026-01-01', 30), 'valid');
    assert.equal(classifyExpiry('2026-01-01', '2026-01-01', 30), 'expiring');
    assert.equal(classifyExpiry('2025-12-31', '2026-01-01', 30), 'expired');
  });

  test('CN-QUAL-01 / CN-QUAL-04: the supplier file needs every F-CN-1 document, with scans and the delivery-note template with seal', () => {
    assert.deepEqual(checkSupplierFile(supplier(), '2026-06-01'), []);
    const bare = supplier({ hasDeliveryNote: false, hasSeal: false, authorisations: [] });
    assert.deepEqual(checkSupplierFile(bare, '2026-06-01').map((m) => m.item), ['authorisation', 'delivery_note_template', 'seal']);
  });

  test('CN-QUAL-02: the product file needs registration with scan and label sample', () => {
    assert.deepEqual(checkProductFile(product(), '2026-06-01'), []);
    assert.deepEqual(checkProductFile(product({ hasLabel: false, hasRegistrationFile: false }), '2026-06-01').map((m) => m.item), ['registration.scan', 'label']);
  });
});
