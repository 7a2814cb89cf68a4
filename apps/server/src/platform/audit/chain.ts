import type { Queryable } from '../db/db.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';

/** The fields of a command-log entry that the chain hash covers, in one place for sealing and verifying. */
export interface CommandLogEntry {
  id: string;
  org_id: string;
  command: string;
  actor_id: string;
  actor_name: string;
  reason: string | null;
  input: unknown;
  signature_ids: string[];
  at: Date;
  changes_count: number;
  changes_digest: string;
  stream_id: number | null;
  stream_seq: number | null;
  prev_hash: string | null;
}

export interface RowChangeForDigest {
  id: number;
  table_name: string;
  row_id: string;
  op: string;
  before: string | null;
  after: string | null;
}

/** jsonb's text form is itself canonical (sorted keys, fixed spacing), so row images are hashed as stored. */
export function digestChanges(changes: RowChangeForDigest[]): string {
  return sha256Hex(canonicalJson(changes.map((c) => [Number(c.id), c.table_name, c.row_id, c.op, c.before, c.after])));
}

/** Hashes exactly the sealed fields (a row read back carries more, such as its own hash). */
export function hashEntry(entry: CommandLogEntry): string {
  const content = {
    id: entry.id, org_id: entry.org_id, command: entry.command, actor_id: entry.actor_id, actor_name: entry.actor_name,
    reason: entry.reason, input: entry.input, signature_ids: entry.signature_ids, at: new Date(entry.at).toISOString(),
    changes_count: entry.changes_count, changes_digest: entry.changes_digest, stream_id: entry.stream_id, stream_seq: entry.stream_seq,
  };
  return sha256Hex(`${entry.prev_hash ?? ''}\n${canonicalJson(content)}`);
}

export interface SealOptions {
  chain: boolean;
}

/**
 * Writes the command-log entry at the end of a command's transaction. With the chain on, the entry
 * is appended to a stream head locked with SKIP LOCKED: concurrent commands take different streams,
 * so no transaction waits on another's chain head (DESIGN §6: a global head caps throughput).
 */
interface SealRead {
  changes: [number, string, string, string, string | null, string | null][];
  prev_seq: number | null;
  prev_hash: string | null;
}

/** Streams of the chain; more streams than connections, so a free one is almost always found at once. */
export const STREAM_COUNT = 64;
const STREAM_LOCK_SPACE = 1129270;

/**
 * SQL fragment for the transaction's first statement: claims the first stream whose advisory lock is
 * free, held until commit. Its previous holder has committed (and become visible) before the lock is
 * released, so the seal statement later in this transaction sees the stream's newest entry.
 */
export const claimStreamSql = `(SELECT s FROM generate_series(0, ${STREAM_COUNT - 1}) s WHERE pg_try_advisory_xact_lock(${STREAM_LOCK_SPACE}, s) LIMIT 1)`;

/** Every stream busy (more concurrent commands than streams): wait for one chosen by the command id. */
export async function waitForStream(tx: Queryable, commandId: string): Promise<number> {
  const stream = Number.parseInt(sha256Hex(commandId).slice(0, 6), 16) % STREAM_COUNT;
  await tx.query(`SELECT pg_advisory_xact_lock(${STREAM_LOCK_SPACE}, $1)`, [stream]);
  return stream;
}

// One round trip reads the command's row changes and the claimed stream's newest entry.
const readForSealSql = `
  SELECT (SELECT coalesce(json_agg(json_build_array(id, table_name, row_id, op, before::text, after::text) ORDER BY id), '[]'::json)
            FROM audit.row_change WHERE command_id = $1) AS changes,
         prev.stream_seq AS prev_seq, prev.hash AS prev_hash
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT stream_seq, hash FROM audit.command_log WHERE stream_id = $2 ORDER BY stream_seq DESC LIMIT 1) prev ON true`;

/**
 * Writes the command-log entry at the end of a command's transaction: the digest of its row changes
 * and, with the chain on, the link onto the stream this transaction claimed (no shared head row).
 */
export async function sealCommand(
  tx: Queryable,
  base: Omit<CommandLogEntry, 'changes_count' | 'changes_digest' | 'stream_id' | 'stream_seq' | 'prev_hash'>,
  options: SealOptions & { stream: number | null },
): Promise<void> {
  const read = (await tx.query<SealRead>(readForSealSql, [base.id, options.chain ? options.stream : null])).rows[0];
  const changes: RowChangeForDigest[] = read.changes.map(([id, table_name, row_id, op, before, after]) => ({ id, table_name, row_id, op, before, after }));
  const entry: CommandLogEntry = {
    ...base,
    input: JSON.parse(JSON.stringify(base.input ?? {})),
    changes_count: changes.length,
    changes_digest: digestChanges(changes),
    stream_id: null,
    stream_seq: null,
    prev_hash: null,
  };
  let hash: string | null = null;
  if (options.chain) {
    if (options.stream === null) throw new Error('sealing on the chain needs a claimed stream');
    entry.stream_id = options.stream;
    entry.stream_seq = Number(read.prev_seq ?? 0) + 1;
    entry.prev_hash = read.prev_hash ?? '';
    hash = hashEntry(entry);
  }
  await tx.query(
    `INSERT INTO audit.command_log (id, org_id, command, actor_id, actor_name, reason, input, signature_ids, at,
       changes_count, changes_digest, stream_id, stream_seq, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      entry.id, entry.org_id, entry.command, entry.actor_id, entry.actor_name, entry.reason, JSON.stringify(entry.input),
      entry.signature_ids, entry.at, entry.changes_count, entry.changes_digest, entry.stream_id, entry.stream_seq,
      entry.prev_hash, hash,
    ],
  );
}
