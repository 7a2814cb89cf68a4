import type { Queryable } from '../db/db.ts';
import { digestChanges, hashEntry, type CommandLogEntry, type RowChangeForDigest } from './chain.ts';

export interface VerifyProblem {
  id: string;
  table: string;
  what: string;
}

export interface VerifyReport {
  ok: boolean;
  commands: number;
  rowChanges: number;
  streams: number;
  firstProblem?: VerifyProblem;
}

const PAGE = 2000;

type LogRow = CommandLogEntry & { hash: string | null };

const LOG_COLUMNS = `id, org_id, command, actor_id, actor_name, reason, input, signature_ids, at, changes_count, changes_digest,
  stream_id, stream_seq, prev_hash, hash`;

/** Chained entries in (stream, seq) order through the unique index, then unchained ones by id. */
async function* commandPages(db: Queryable): AsyncGenerator<LogRow[]> {
  let after: [number, number] = [-1, 0];
  for (;;) {
    const rows = (
      await db.query<LogRow>(
        `SELECT ${LOG_COLUMNS} FROM audit.command_log
          WHERE stream_id IS NOT NULL AND (stream_id, stream_seq) > ($1, $2)
          ORDER BY stream_id, stream_seq LIMIT ${PAGE}`,
        after,
      )
    ).rows;
    if (rows.length === 0) break;
    yield rows;
    const last = rows[rows.length - 1];
    after = [last.stream_id!, last.stream_seq!];
  }
  let afterId = '';
  for (;;) {
    const rows = (
      await db.query<LogRow>(
        `SELECT ${LOG_COLUMNS} FROM audit.command_log WHERE stream_id IS NULL AND id > $1 ORDER BY id LIMIT ${PAGE}`,
        [afterId],
      )
    ).rows;
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1].id;
  }
}

/**
 * Walks every stream of the command log in order and recomputes each link and each command's
 * digest of row changes. Names the first entry that was altered, deleted or inserted out of band.
 */
export async function verifyAuditTrail(db: Queryable): Promise<VerifyReport> {
  // The newest anchor of each stream: the chain must still reach it, with the same hash.
  const anchors = new Map(
    (await db.query<{ stream_id: number; stream_seq: number; hash: string }>(
      'SELECT DISTINCT ON (stream_id) stream_id, stream_seq, hash FROM audit.chain_anchor ORDER BY stream_id, stream_seq DESC',
    )).rows.map((a) => [a.stream_id, a]),
  );
  const report: VerifyReport = { ok: true, commands: 0, rowChanges: 0, streams: 0 };
  const fail = (problem: VerifyProblem): VerifyReport => ({ ...report, ok: false, firstProblem: problem });
  const tip = new Map<number, { seq: number; hash: string }>();

  for await (const page of commandPages(db)) {
    const ids = page.map((row) => row.id);
    const changes = (
      await db.query<RowChangeForDigest & { command_id: string }>(
        `SELECT command_id, id, table_name, row_id, op, before::text AS before, after::text AS after
           FROM audit.row_change WHERE command_id = ANY($1) ORDER BY id`,
        [ids],
      )
    ).rows;
    const byCommand = new Map<string, RowChangeForDigest[]>();
    for (const change of changes) {
      const list = byCommand.get(change.command_id) ?? [];
      list.push(change);
      byCommand.set(change.command_id, list);
    }
    for (const row of page) {
      report.commands++;
      const own = byCommand.get(row.id) ?? [];
      report.rowChanges += own.length;
      if (own.length !== row.changes_count || digestChanges(own) !== row.changes_digest) {
        return fail({ id: row.id, table: 'audit.row_change', what: `row changes of command ${row.command} differ from the sealed digest (${own.length} found, ${row.changes_count} sealed)` });
      }
      if (row.stream_id === null) continue;
      const previous = tip.get(row.stream_id) ?? { seq: 0, hash: '' };
      if (previous.seq === 0) report.streams++;
      if (row.stream_seq !== previous.seq + 1) {
        return fail({ id: row.id, table: 'audit.command_log', what: `stream ${row.stream_id} jumps from ${previous.seq} to ${row.stream_seq}: entries were deleted or inserted` });
      }
      if (row.prev_hash !== previous.hash) {
        return fail({ id: row.id, table: 'audit.command_log', what: `link to the previous entry of stream ${row.stream_id} is broken` });
      }
      const expected = hashEntry(row);
      if (expected !== row.hash) {
        return fail({ id: row.id, table: 'audit.command_log', what: `content of command ${row.command} was altered (hash differs)` });
      }
      const anchor = anchors.get(row.stream_id);
      if (anchor && Number(anchor.stream_seq) === row.stream_seq && anchor.hash !== row.hash) {
        return fail({ id: row.id, table: 'audit.command_log', what: `entry ${row.stream_seq} of stream ${row.stream_id} differs from its anchor` });
      }
      tip.set(row.stream_id, { seq: row.stream_seq, hash: row.hash! });
    }
  }

  for (const [streamId, anchor] of anchors) {
    const reached = tip.get(streamId) ?? { seq: 0, hash: '' };
    if (reached.seq < Number(anchor.stream_seq)) {
      return fail({ id: `stream:${streamId}`, table: 'audit.chain_anchor', what: `stream ${streamId} was anchored at entry ${anchor.stream_seq} but ends at ${reached.seq}: entries were deleted` });
    }
  }

  const orphan = (
    await db.query<{ id: number; command_id: string; table_name: string }>(
      `SELECT r.id, r.command_id, r.table_name FROM audit.row_change r
        WHERE NOT EXISTS (SELECT 1 FROM audit.command_log c WHERE c.id = r.command_id) ORDER BY r.id LIMIT 1`,
    )
  ).rows[0];
  if (orphan) {
    return fail({ id: String(orphan.id), table: 'audit.row_change', what: `change to ${orphan.table_name} belongs to no sealed command (${orphan.command_id}): inserted out of band` });
  }
  return report;
}
