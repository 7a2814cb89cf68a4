import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCore, DEMO_PASSWORD, type TestCore } from '../../../testing/harness.ts';
import { sampleProduct } from '../../../testing/http.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkProductFields } from './product.rules.ts';

const approveAs = (meaning = 'approved', password = DEMO_PASSWORD) => ({ signature: { password, meaning }, reason: '资料齐全' });

function rejectsWith(code: string, extra?: (e: AppError) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, `${error.code}: ${error.text.en}`);
    extra?.(error);
    return true;
  };
}

describe('product rules', () => {
  test('GS1-01: a UDI-DI with a wrong check digit is refused', () => {
    assert.deepEqual(checkProductFields({ udiDi: '06901234567809' }), []);
    assert.equal(checkProductFields({ udiDi: '06901234567808' })[0].path, 'udiDi');
  });
  test('CN-INV-06: a storage range whose maximum is below its minimum is refused', () => {
    assert.equal(checkProductFields({ storageTempMin: '8', storageTempMax: '2' })[0].path, 'storageTempMax');
    assert.deepEqual(checkProductFields({ storageTempMin: '2', storageTempMax: '8' }), []);
  });
});

describe('product: quality master data under QA control', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
  });
  after(() => core.close());

  async function draft(name = sampleProduct.name) {
    const qa = await core.actor('qa');
    return core.bus.execute<{ id: string; number: string }>('master_data.product.create', { ...sampleProduct, udiDi: null, name }, qa, { reason: '首营' });
  }

  test('CN-SYS-05: only the QA role creates products; a purchaser is refused and the refusal is audited (CN-SYS-02)', async () => {
    const purchaser = await core.actor('purchaser');
    const before = (await core.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.command_log WHERE command = 'audit.access.denied'`)).rows[0].n;
    await assert.rejects(
      core.bus.execute('master_data.product.create', sampleProduct, purchaser),
      rejectsWith('FORBIDDEN', (e) => assert.equal(e.details.requirement, 'CN-SYS-02')),
    );
    const denials = (await core.db.query<{ actor_name: string; input: { permission: string } }>(
      `SELECT actor_name, input FROM audit.command_log WHERE command = 'audit.access.denied' ORDER BY at DESC, id DESC`,
    )).rows;
    assert.equal(denials.length, before + 1);
    assert.equal(denials[0].actor_name, '陈采购');
    assert.equal(denials[0].input.permission, 'master_data.product.create');
    assert.equal((await core.db.query(`SELECT 1 FROM master_data.product WHERE name = $1`, [sampleProduct.name])).rowCount, 0);
  });

  test('CN-SYS-05: the QA head approves with an e-signature; the record then carries the manifestation (US-P11-07)', async () => {
    const { id, number } = await draft('审批流程测试');
    assert.match(number, /^PRD-\d{4}-\d{6}$/);
    const qa = await core.actor('qa');
    const head = await core.actor('qahead');
    await core.bus.execute('master_data.product.submit', { id }, qa);
    const result = await core.bus.execute<{ status: string }>('master_data.product.approve', { id }, head, approveAs());
    assert.equal(result.status, 'approved');
    const view = await core.bus.query<{ status: string; signatures: { signerName: string; meaning: string; signedAt: string; valid: boolean }[] }>(
      'master_data.product.get', { id }, qa,
    );
    assert.equal(view.status, 'approved');
    assert.equal(view.signatures.length, 1);
    assert.equal(view.signatures[0].signerName, '王质量');
    assert.equal(view.signatures[0].meaning, 'approved');
    assert.equal(view.signatures[0].valid, true);
    assert.ok(Math.abs(Date.parse(view.signatures[0].signedAt) - Date.now()) < 60_000);
  });

  test('US-P11-10: signing re-authenticates: no signature, a wrong meaning or a wrong password is refused', async () => {
    const { id } = await draft('签名测试');
    const qa = await core.actor('qa');
    const head = await core.actor('qahead');
    await core.bus.execute('master_data.product.submit', { id }, qa);
    await assert.rejects(core.bus.execute('master_data.product.approve', { id }, head), rejectsWith('SIGNATURE_REQUIRED'));
    await assert.rejects(core.bus.execute('master_data.product.approve', { id }, head, approveAs('released')), rejectsWith('SIGNATURE_MEANING'));
    await assert.rejects(core.bus.execute('master_data.product.approve', { id }, head, approveAs('approved', 'wrong-password')), rejectsWith('SIGNATURE_INVALID'));
    const row = (await core.db.query<{ status: string }>('SELECT status FROM master_data.product WHERE id = $1', [id])).rows[0];
    assert.equal(row.status, 'submitted');
    // The failed signing counts toward lockout (US-P11-11) and is in the trail.
    const failures = (await core.db.query(`SELECT 1 FROM audit.command_log WHERE command = 'identity.user.record_login_failure' AND input->>'context' = 'signature'`)).rowCount;
    assert.ok(failures >= 1);
    await core.bus.execute('identity.user.unlock', { id: head.userId }, core.system, { reason: 'test reset' });
  });

  test('US-P11-08: a signature moved to another record fails verification', async () => {
    const first = await draft('签名绑定A');
    const second = await draft('签名绑定B');
    const qa = await core.actor('qa');
    const head = await core.actor('qahead');
    for (const { id } of [first, second]) await core.bus.execute('master_data.product.submit', { id }, qa);
    await core.bus.execute('master_data.product.approve', { id: first.id }, head, approveAs());
    // An attacker with database rights copies the signature row onto record B.
    await core.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('app.command_id', 'cmd_forged', true)`);
      await tx.query(
        `INSERT INTO platform.signature (org_id, id, record_table, record_id, signer_id, signer_name, meaning, signed_at, content_hash, command_id, hash)
         SELECT org_id, 'sig_copy', record_table, $2, signer_id, signer_name, meaning, signed_at, content_hash, command_id, hash
           FROM platform.signature WHERE record_id = $1`,
        [first.id, second.id],
      );
    });
    const view = await core.bus.query<{ signatures: { id: string; valid: boolean }[] }>('master_data.product.get', { id: second.id }, qa);
    assert.equal(view.signatures.length, 1);
    assert.equal(view.signatures[0].valid, false);
    const original = await core.bus.query<{ signatures: { valid: boolean }[] }>('master_data.product.get', { id: first.id }, qa);
    assert.equal(original.signatures[0].valid, true);
  });

  test('US-P11-05: no self-approval: a QA head cannot approve a record they created', async () => {
    const head = await core.actor('qahead');
    const { id } = await core.bus.execute<{ id: string }>('master_data.product.create', { ...sampleProduct, udiDi: null, name: '自审测试' }, head);
    await core.bus.execute('master_data.product.submit', { id }, head);
    await assert.rejects(core.bus.execute('master_data.product.approve', { id }, head, approveAs()), rejectsWith('SELF_APPROVAL'));
  });

  test('approval rules are data: a class III rule asking two QA heads holds the record until both have signed', async () => {
    const head = await core.actor('qahead');
    await core.bus.execute('platform.approval_rule.publish', {
      ruleKey: 'product-class-iii-two-heads', document: 'master_data.product', transition: 'approve',
      condition: { '==': [{ var: 'deviceClass' }, 'III'] }, roleKey: 'qa_head', requiredCount: 2, distinctFromAuthor: true,
      effectiveFrom: '2020-01-01', requirementIds: ['CN-SYS-05'],
    }, head, { reason: '三类产品双人审批' });
    await core.bus.execute('identity.user.create', { username: 'qahead2', displayName: '钱质量', password: DEMO_PASSWORD, roles: ['qa_head'] }, core.system);
    const second = await core.actor('qahead2');
    const qa = await core.actor('qa');
    const { id } = await draft('双人审批');
    await core.bus.execute('master_data.product.submit', { id }, qa);
    const firstOutcome = await core.bus.execute<{ status: string; approvals: { rule: string; given: number; required: number }[] }>(
      'master_data.product.approve', { id }, head, approveAs(),
    );
    assert.equal(firstOutcome.status, 'submitted');
    assert.deepEqual(firstOutcome.approvals.find((p) => p.rule === 'product-class-iii-two-heads'), { rule: 'product-class-iii-two-heads', given: 1, required: 2 });
    await assert.rejects(core.bus.execute('master_data.product.approve', { id }, head, approveAs()), rejectsWith('ALREADY_APPROVED'));
    const final = await core.bus.execute<{ status: string }>('master_data.product.approve', { id }, second, approveAs());
    assert.equal(final.status, 'approved');
    // A class II product is not caught by the class III rule.
    const { id: classTwo } = await core.bus.execute<{ id: string }>('master_data.product.create', { ...sampleProduct, udiDi: null, deviceClass: 'II', name: '二类' }, qa);
    await core.bus.execute('master_data.product.submit', { id: classTwo }, qa);
    assert.equal((await core.bus.execute<{ status: string }>('master_data.product.approve', { id: classTwo }, head, approveAs())).status, 'approved');
  });

  test('US-P11-02: a change keeps the previous value, who changed it, when and why (CN-SYS-16)', async () => {
    const qa = await core.actor('qa');
    const { id } = await draft('历史测试');
    await core.bus.execute('master_data.product.update', { id, model: '0.8×25mm' }, qa, { reason: '型号更正' });
    const history = await core.bus.query<{ chain: { status: string }; entries: { op: string; reason: string; actor: { displayName: string }; changes: { field: string; before: unknown; after: unknown }[] }[] }>(
      'audit.history.get', { table: 'master_data.product', id }, qa,
    );
    assert.equal(history.chain.status, 'intact');
    const update = history.entries.find((e) => e.op === 'UPDATE')!;
    assert.equal(update.reason, '型号更正');
    assert.equal(update.actor.displayName, '李质管');
    assert.deepEqual(update.changes.find((c) => c.field === 'model'), { field: 'model', before: '0.7×25mm', after: '0.8×25mm' });
    assert.deepEqual(update.changes.find((c) => c.field === 'version'), { field: 'version', before: 1, after: 2 });
  });

  test('submitted records are immutable; lifecycle conflicts answer 409', async () => {
    const qa = await core.actor('qa');
    const { id } = await draft('不可变测试');
    await core.bus.execute('master_data.product.submit', { id }, qa);
    await assert.rejects(core.bus.execute('master_data.product.update', { id, model: 'x' }, qa, { reason: 'late' }), rejectsWith('RECORD_IMMUTABLE'));
    await assert.rejects(core.bus.execute('master_data.product.submit', { id }, qa), rejectsWith('LIFECYCLE_CONFLICT'));
  });

  test('a rejection needs a reason and a signature, and starts a new approval round', async () => {
    const qa = await core.actor('qa');
    const head = await core.actor('qahead');
    const { id } = await draft('驳回测试');
    await core.bus.execute('master_data.product.submit', { id }, qa);
    await assert.rejects(core.bus.execute('master_data.product.reject', { id }, head, { signature: { password: DEMO_PASSWORD, meaning: 'rejected' } }), rejectsWith('REASON_REQUIRED'));
    await core.bus.execute('master_data.product.reject', { id }, head, { reason: '注册证复印件不清晰', signature: { password: DEMO_PASSWORD, meaning: 'rejected' } });
    await core.bus.execute('master_data.product.update', { id, registrationNo: '国械注准20163150998' }, qa, { reason: '补正' });
    await core.bus.execute('master_data.product.submit', { id }, qa);
    const view = await core.bus.query<{ status: string; signatures: { meaning: string }[] }>('master_data.product.get', { id }, qa);
    assert.equal(view.status, 'submitted');
    assert.deepEqual(view.signatures.map((s) => s.meaning), ['rejected']);
  });

  test('CN-SYS-03 / CN-SYS-04: operator and time cannot be supplied by the client', async () => {
    const qa = await core.actor('qa');
    for (const forged of [{ createdBy: 'usr_x' }, { operatorName: '假名' }, { createdAt: '2020-01-01T00:00:00Z' }]) {
      await assert.rejects(
        core.bus.execute('master_data.product.create', { ...sampleProduct, udiDi: null, ...forged }, qa),
        rejectsWith('VALIDATION_FAILED'),
      );
    }
    const { id } = await draft('服务器时间');
    const row = (await core.db.query<{ created_by: string; created_at: Date }>('SELECT created_by, created_at FROM master_data.product WHERE id = $1', [id])).rows[0];
    assert.equal(row.created_by, qa.userId);
    assert.ok(Math.abs(new Date(row.created_at).getTime() - Date.now()) < 60_000);
  });
});

describe('product updates', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
  });
  after(() => core.close());

  test('US-P11-02: a partial update changes only the fields it names (defaults do not overwrite the rest)', async () => {
    const qa = await core.actor('qa');
    const { id } = await core.bus.execute<{ id: string }>('master_data.product.create', { ...sampleProduct, udiDi: null, implantable: true, lightProtection: true, registrationKind: 'filing' }, qa);
    await core.bus.execute('master_data.product.update', { id, model: '1.0×30mm' }, qa, { reason: '更正' });
    const row = (await core.db.query<{ implantable: boolean; light_protection: boolean; registration_kind: string; model: string }>(
      'SELECT implantable, light_protection, registration_kind, model FROM master_data.product WHERE id = $1', [id],
    )).rows[0];
    assert.deepEqual(row, { implantable: true, light_protection: true, registration_kind: 'filing', model: '1.0×30mm' });
  });
});
