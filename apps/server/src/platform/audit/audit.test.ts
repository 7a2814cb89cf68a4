import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCore, type TestCore } from '../../testing/harness.ts';
import { sampleProduct } from '../../testing/http.ts';
import { verifyAuditTrail } from './verify.ts';
import { sqlState } from '../db/db.ts';

/** Tampering as the database owner: triggers off for one statement, as an attacker with DBA rights would. */
async function tamper(core: TestCore, table: string, sql: string, params: unknown[] = []) {
  await core.db.transaction(async (tx) => {
    await tx.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await tx.query(sql, params);
    await tx.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  });
}

async function createProduct(core: TestCore, name = sampleProduct.name) {
  const qa = await core.actor('qa');
  return core.bus.execute<{ id: string }>('master_data.product.create', { ...sampleProduct, udiDi: null, name }, qa, { reason: 'test' });
}

describe('audit trail', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
  });
  after(() => core.close());

  test('US-P11-01: a fresh database with demo data verifies intact', async () => {
    const report = await verifyAuditTrail(core.db);
    assert.equal(report.ok, true, JSON.stringify(report.firstProblem));
    assert.ok(report.commands > 20);
    assert.ok(report.rowChanges > report.commands);
  });

  test('US-P11-01: concurrent commands chain onto separate streams and the trail still verifies', async () => {
    const qa = await core.actor('qa');
    await Promise.all(Array.from({ length: 24 }, (_, i) =>
      core.bus.execute('master_data.party.create', { name: `并发测试 ${i}`, kinds: ['customer'], creditCode: `91310000MA1C${String(i).padStart(5, '0')}X`, address: '上海' }, qa)));
    const report = await verifyAuditTrail(core.db);
    assert.equal(report.ok, true, JSON.stringify(report.firstProblem));
    const gaps = (await core.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT stream_id, stream_seq, lag(stream_seq) OVER (PARTITION BY stream_id ORDER BY stream_seq) AS prev
         FROM audit.command_log WHERE stream_id IS NOT NULL) x WHERE prev IS NOT NULL AND stream_seq <> prev + 1`,
    )).rows[0].n;
    assert.equal(gaps, 0);
  });

  test('US-P11-01: every write records before/after with the command, actor and reason', async () => {
    const { id } = await createProduct(core);
    const rows = (
      await core.db.query<{ op: string; after: Record<string, unknown>; actor_name: string; reason: string; command: string }>(
        `SELECT r.op, r.after, c.actor_name, c.reason, c.command FROM audit.row_change r JOIN audit.command_log c ON c.id = r.command_id
          WHERE r.table_name = 'master_data.product' AND r.row_id = $1`,
        [id],
      )
    ).rows;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].op, 'INSERT');
    assert.equal(rows[0].after.name, sampleProduct.name);
    assert.equal(rows[0].actor_name, '李质管');
    assert.equal(rows[0].reason, 'test');
    assert.equal(rows[0].command, 'master_data.product.create');
  });

  test('US-P11-01: a write outside a command is refused by the database', async () => {
    await assert.rejects(
      core.db.query(`UPDATE master_data.product SET name = 'sneaky' WHERE number = 'PRD-2026-000001'`),
      (error) => sqlState(error) === 'P0401',
    );
    await assert.rejects(
      core.db.query(`INSERT INTO platform.outbox (org_id, id, event_type, payload, command_id, created_at) VALUES ('o', 'e', 't', '{}', 'c', now())`),
      (error) => sqlState(error) === 'P0401',
    );
  });

  test('US-P11-01: audit tables are insert-only, even inside a command', async () => {
    for (const sql of [
      'UPDATE audit.row_change SET op = op',
      'DELETE FROM audit.row_change',
      'UPDATE audit.command_log SET reason = NULL',
      'DELETE FROM audit.command_log',
      'TRUNCATE audit.command_log',
      'DELETE FROM platform.signature',
      'UPDATE platform.approval SET at = now()',
    ]) {
      await assert.rejects(
        core.db.transaction(async (tx) => {
          await tx.query(`SELECT set_config('app.command_id', 'cmd_fake', true)`);
          await tx.query(sql);
        }),
        (error) => sqlState(error) === 'P0402',
        sql,
      );
    }
  });

  test('a status changes only through a lifecycle transition', async () => {
    const { id } = await createProduct(core, '状态测试');
    await assert.rejects(
      core.db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('app.command_id', 'cmd_fake', true)`);
        await tx.query(`UPDATE master_data.product SET status = 'approved' WHERE id = $1`, [id]);
      }),
      (error) => sqlState(error) === 'P0403',
    );
  });

  test('US-P11-01: verify names the entry whose row image was altered', async () => {
    const { id } = await createProduct(core, '篡改测试');
    const change = (await core.db.query<{ id: number; command_id: string }>(`SELECT id, command_id FROM audit.row_change WHERE row_id = $1`, [id])).rows[0];
    await tamper(core, 'audit.row_change', `UPDATE audit.row_change SET after = jsonb_set(after, '{name}', '"forged"') WHERE id = $1`, [change.id]);
    const report = await verifyAuditTrail(core.db);
    assert.equal(report.ok, false);
    assert.equal(report.firstProblem!.id, change.command_id);
    assert.equal(report.firstProblem!.table, 'audit.row_change');
  });
});

describe('audit trail tampering', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
  });
  after(() => core.close());

  test('US-P11-01: a deleted command-log entry breaks the chain', async () => {
    const victim = (await core.db.query<{ id: string }>(`SELECT id FROM audit.command_log WHERE stream_seq = 5 AND stream_id = 0`)).rows[0];
    await tamper(core, 'audit.command_log', 'DELETE FROM audit.command_log WHERE id = $1', [victim.id]);
    const report = await verifyAuditTrail(core.db);
    assert.equal(report.ok, false);
    // Either the orphaned row changes or the gap in the stream is named first; both point at the deletion.
    assert.match(report.firstProblem!.what, /jumps from 4 to 6|belongs to no sealed command|differ from the sealed digest/);
  });
});

describe('audit trail tampering: a deleted stream tail', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
  });
  after(() => core.close());

  test('US-P11-01: deleting the newest entries of a stream is detected once the tip was anchored', async () => {
    await core.bus.execute('audit.chain.anchor', {}, core.system);
    // The anchor command itself landed after the anchor: delete it and the entry before it.
    const tail = (await core.db.query<{ id: string; stream_id: number; stream_seq: number }>(
      `SELECT id, stream_id, stream_seq FROM audit.command_log WHERE stream_id = 0 ORDER BY stream_seq DESC LIMIT 2`,
    )).rows;
    for (const entry of tail) {
      await tamper(core, 'audit.row_change', 'DELETE FROM audit.row_change WHERE command_id = $1', [entry.id]);
      await tamper(core, 'audit.command_log', 'DELETE FROM audit.command_log WHERE id = $1', [entry.id]);
    }
    const report = await verifyAuditTrail(core.db);
    assert.equal(report.ok, false);
    assert.equal(report.firstProblem!.table, 'audit.chain_anchor');
    assert.match(report.firstProblem!.what, /entries were deleted/);
  });
});

describe('audit trail tampering: altered command and out-of-band insert', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
  });
  after(() => core.close());

  test('US-P11-01: an altered reason in the command log is detected', async () => {
    const victim = (await core.db.query<{ id: string }>(`SELECT id FROM audit.command_log WHERE stream_seq = 3 AND stream_id = 0`)).rows[0];
    await tamper(core, 'audit.command_log', `UPDATE audit.command_log SET reason = 'rewritten' WHERE id = $1`, [victim.id]);
    const report = await verifyAuditTrail(core.db);
    assert.equal(report.ok, false);
    assert.equal(report.firstProblem!.id, victim.id);
    assert.match(report.firstProblem!.what, /altered/);
  });

  test('US-P11-01: a row change inserted out of band is detected', async () => {
    await tamper(
      core,
      'audit.command_log',
      `UPDATE audit.command_log SET reason = NULL WHERE reason = 'rewritten'`,
    );
    await tamper(
      core,
      'audit.row_change',
      `INSERT INTO audit.row_change (org_id, command_id, table_name, row_id, op, before, after) VALUES ($1, 'cmd_forged', 'master_data.product', 'prd_x', 'INSERT', NULL, '{}')`,
      [core.orgId],
    );
    const report = await verifyAuditTrail(core.db);
    assert.equal(report.ok, false);
    assert.match(report.firstProblem!.what, /inserted out of band/);
  });
});
