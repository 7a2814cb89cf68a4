import { z } from 'zod';
import { defineCommand, defineQuery } from '../../platform/bus/definitions.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { STREAM_COUNT, digestChanges, hashEntry, type CommandLogEntry, type RowChangeForDigest } from '../../platform/audit/chain.ts';
import { verifyAuditTrail } from '../../platform/audit/verify.ts';
import { signatureViews, type SignatureRow } from '../../platform/signature/signature.ts';
import { diffRows } from './audit.rules.ts';
import { contentColumns } from '../../platform/document/document.queries.ts';
import type { DocumentRow } from '../../platform/document/document.ts';

/** Written by the bus when an actor is refused (CN-SYS-02): the refusal itself is in the trail. */
export const recordAccessDenied = defineCommand({
  name: 'audit.access.denied',
  summary: { 'zh-CN': '记录越权访问', en: 'Record a refused access' },
  access: 'system',
  input: z.strictObject({ permission: z.string() }),
  async handler() {
    return {};
  },
});

/**
 * Records the tip of every stream that moved since its last anchor (run every minute by one writer):
 * afterwards, deleting a stream's newest entries cannot go unnoticed.
 */
export const anchorChain = defineCommand({
  name: 'audit.chain.anchor',
  summary: { 'zh-CN': '锚定审计链末端', en: 'Anchor the audit chain tips' },
  access: 'system',
  input: z.strictObject({}),
  async handler(ctx) {
    const inserted = await ctx.repo((db) => db.query(
      `INSERT INTO audit.chain_anchor (command_id, stream_id, stream_seq, hash, at)
       SELECT $1, s, t.stream_seq, t.hash, $2
         FROM generate_series(0, ${STREAM_COUNT - 1}) s
         CROSS JOIN LATERAL (SELECT stream_seq, hash FROM audit.command_log WHERE stream_id = s ORDER BY stream_seq DESC LIMIT 1) t
        WHERE NOT EXISTS (SELECT 1 FROM audit.chain_anchor a WHERE a.stream_id = s AND a.stream_seq = t.stream_seq)`,
      [ctx.commandId, ctx.now],
    ));
    return { anchored: inserted.rowCount };
  },
});

type HistoryRow = RowChangeForDigest & CommandLogEntry & { command_id: string; hash: string | null; change_id: number };

function historyRepo(db: Queryable) {
  return {
    async forRecord(orgId: string, table: string, id: string): Promise<HistoryRow[]> {
      return (
        await db.query<HistoryRow>(
          `SELECT r.id AS change_id, r.command_id, r.op, r.table_name, r.row_id, r.before::text AS before, r.after::text AS after,
                  c.id, c.org_id, c.command, c.actor_id, c.actor_name, c.reason, c.input, c.signature_ids, c.at, c.changes_count,
                  c.changes_digest, c.stream_id, c.stream_seq, c.prev_hash, c.hash
             FROM audit.row_change r LEFT JOIN audit.command_log c ON c.id = r.command_id
            WHERE r.org_id = $1 AND r.table_name = $2 AND r.row_id = $3 ORDER BY r.id`,
          [orgId, table, id],
        )
      ).rows;
    },
    async changesOf(commandIds: string[]): Promise<(RowChangeForDigest & { command_id: string })[]> {
      return (
        await db.query<RowChangeForDigest & { command_id: string }>(
          `SELECT command_id, id, table_name, row_id, op, before::text AS before, after::text AS after
             FROM audit.row_change WHERE command_id = ANY($1) ORDER BY id`,
          [commandIds],
        )
      ).rows;
    },
    async signatures(ids: string[]): Promise<SignatureRow[]> {
      if (ids.length === 0) return [];
      return (await db.query<SignatureRow>('SELECT * FROM platform.signature WHERE id = ANY($1)', [ids])).rows;
    },
    async currentRow(table: string, orgId: string, id: string): Promise<Record<string, unknown> | undefined> {
      return (await db.query(`SELECT * FROM ${table} WHERE org_id = $1 AND id = $2`, [orgId, id])).rows[0];
    },
    async auditedTables(): Promise<string[]> {
      return (
        await db.query<{ name: string }>(
          `SELECT DISTINCT n.nspname || '.' || c.relname AS name FROM pg_trigger t
             JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE t.tgname = 'audit_row'`,
        )
      ).rows.map((r) => r.name);
    },
  };
}

/**
 * The history of one record: every change with field diffs, who, when, why and signatures, and
 * whether each entry still matches its sealed hash (US-P11-01/02, CN-SYS-16).
 */
export const recordHistory = defineQuery({
  name: 'audit.history.get',
  permission: 'audit.history.read',
  summary: { 'zh-CN': '记录的审计历史', en: 'Audit history of a record' },
  input: z.strictObject({ table: z.string().regex(/^[a-z_]+\.[a-z_]+$/), id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    const repo = ctx.repo(historyRepo);
    if (!(await repo.auditedTables()).includes(input.table)) {
      return { chain: { status: 'intact' as const }, entries: [] };
    }
    const rows = await repo.forRecord(ctx.orgId, input.table, input.id);
    const commandIds = [...new Set(rows.map((r) => r.command_id))];
    const allChanges = await repo.changesOf(commandIds);
    const signatureRows = await repo.signatures([...new Set(rows.flatMap((r) => r.signature_ids ?? []))]);
    const current = await repo.currentRow(input.table, ctx.orgId, input.id);
    let status: 'intact' | 'pending' | 'broken' = 'intact';
    let detail: string | undefined;
    for (const commandId of commandIds) {
      const entry = rows.find((r) => r.command_id === commandId)!;
      if (!entry.command) {
        status = 'broken';
        detail = `change without a sealed command (${commandId})`;
        break;
      }
      const own = allChanges.filter((c) => c.command_id === commandId);
      if (digestChanges(own) !== entry.changes_digest) {
        status = 'broken';
        detail = `row changes of ${commandId} differ from the sealed digest`;
        break;
      }
      if (entry.hash === null) status = 'pending';
      else if (hashEntry(entry) !== entry.hash) {
        status = 'broken';
        detail = `command ${commandId} was altered`;
        break;
      }
    }
    const entries = rows.map((row) => ({
      commandId: row.command_id,
      command: row.command,
      actor: { id: row.actor_id, displayName: row.actor_name },
      at: row.at ? new Date(row.at).toISOString() : null,
      reason: row.reason,
      op: row.op,
      changes: diffRows(row.before ? JSON.parse(row.before) : null, row.after ? JSON.parse(row.after) : null),
      signatures: current
        ? signatureViews(signatureRows.filter((s) => (row.signature_ids ?? []).includes(s.id) && s.record_id === input.id), input.table, input.id, contentColumns(current as DocumentRow))
        : [],
    }));
    return { chain: { status, detail }, entries };
  },
});

export const listCommands = defineQuery({
  name: 'audit.trail.list',
  permission: 'audit.trail.read',
  summary: { 'zh-CN': '审计追踪（命令日志）', en: 'Audit trail (command log)' },
  input: z.strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
    command: z.string().max(100).optional(),
    actorId: z.string().max(64).optional(),
  }),
  async handler(ctx, input) {
    const rows = await ctx.repo((db) =>
      db.query(
        `SELECT id, command, actor_id AS "actorId", actor_name AS "actorName", reason, at, changes_count AS "changes",
                stream_id AS "stream", stream_seq AS "seq", hash
           FROM audit.command_log
          WHERE org_id = $1 AND ($2::text IS NULL OR command = $2) AND ($3::text IS NULL OR actor_id = $3)
          ORDER BY at DESC, id DESC LIMIT $4 OFFSET $5`,
        [ctx.orgId, input.command ?? null, input.actorId ?? null, input.limit, input.offset],
      ),
    );
    return { items: rows.rows };
  },
});

export const verifyTrail = defineQuery({
  name: 'audit.trail.verify',
  permission: 'audit.verify.read',
  summary: { 'zh-CN': '校验审计链', en: 'Verify the audit chain' },
  input: z.strictObject({}),
  async handler(ctx) {
    return ctx.repo(verifyAuditTrail);
  },
});
