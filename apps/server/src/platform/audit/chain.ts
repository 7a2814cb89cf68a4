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
  stream_id: number | null;
  seq: number | null;
  hash: string | null;
}

// One round trip reads the command's row changes and, with the chain on, locks a free stream head.
const readForSealSql = (chain: boolean) => `
  WITH changes AS (
    SELECT coalesce(json_agg(json_build_array(id, table_name, row_id, op, before::text, after::text) ORDER BY id), '[]'::json) AS list
      FROM audit.row_change WHERE command_id = $1)
  SELECT changes.list AS changes, head.stream_id, head.seq, head.hash
    FROM changes LEFT JOIN (${chain ? 'SELECT stream_id, seq, hash FROM audit.stream_head ORDER BY stream_id LIMIT 1 FOR UPDATE SKIP LOCKED' : 'SELECT NULL::int AS stream_id, NULL::bigint AS seq, NULL::text AS hash'}) head ON true`;

/**
 * Writes the command-log entry at the end of a command's transaction. With the chain on, the entry
 * is appended to a stream head locked with SKIP LOCKED: concurrent commands take different streams,
 * so no transaction waits on another's chain head (DESIGN §6: a global head caps throughput).
 */
export async function sealCommand(
  tx: Queryable,
  base: Omit<CommandLogEntry, 'changes_count' | 'changes_digest' | 'stream_id' | 'stream_seq' | 'prev_hash'>,
  options: SealOptions,
): Promise<void> {
  const read = (await tx.query<SealRead>(readForSealSql(options.chain), [base.id])).rows[0];
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
    let head = read.stream_id === null ? undefined : { stream_id: read.stream_id, seq: read.seq!, hash: read.hash! };
    if (!head) {
      // Every stream is busy: wait on one chosen by the command id rather than fail.
      head = (
        await tx.query<{ stream_id: number; seq: number; hash: string }>(
          'SELECT stream_id, seq, hash FROM audit.stream_head WHERE stream_id = $1 FOR UPDATE',
          [Number.parseInt(sha256Hex(base.id).slice(0, 6), 16) % 32],
        )
      ).rows[0];
    }
    entry.stream_id = head.stream_id;
    entry.stream_seq = Number(head.seq) + 1;
    entry.prev_hash = head.hash;
    hash = hashEntry(entry);
  }
  await tx.query(
    `WITH entry AS (
       INSERT INTO audit.command_log (id, org_id, command, actor_id, actor_name, reason, input, signature_ids, at,
         changes_count, changes_digest, stream_id, stream_seq, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING stream_id)
     UPDATE audit.stream_head SET seq = $13, hash = $15 WHERE stream_id = (SELECT stream_id FROM entry)`,
    [
      entry.id, entry.org_id, entry.command, entry.actor_id, entry.actor_name, entry.reason, JSON.stringify(entry.input),
      entry.signature_ids, entry.at, entry.changes_count, entry.changes_digest, entry.stream_id, entry.stream_seq,
      entry.prev_hash, hash,
    ],
  );
}
