import type { Queryable } from '../db/db.ts';
import type { CommandContext } from '../bus/definitions.ts';
import { hashCanonical } from '../audit/canonical.ts';
import { newId } from '../ids.ts';

export interface SignatureRow {
  org_id: string;
  id: string;
  record_table: string;
  record_id: string;
  signer_id: string;
  signer_name: string;
  meaning: string;
  signed_at: Date;
  content_hash: string;
  command_id: string;
  hash: string;
}

/** Hash of what is signed: the record's identity and its content (21 CFR 11.70 signature–record link). */
export function contentHash(recordTable: string, recordId: string, content: Record<string, unknown>): string {
  return hashCanonical({ table: recordTable, id: recordId, content });
}

function signatureHash(row: Omit<SignatureRow, 'hash'>): string {
  return hashCanonical({ ...row, signed_at: new Date(row.signed_at).toISOString() });
}

export function signatureRepo(db: Queryable) {
  return {
    async insert(row: SignatureRow): Promise<void> {
      await db.query(
        `INSERT INTO platform.signature (org_id, id, record_table, record_id, signer_id, signer_name, meaning, signed_at, content_hash, command_id, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [row.org_id, row.id, row.record_table, row.record_id, row.signer_id, row.signer_name, row.meaning, row.signed_at, row.content_hash, row.command_id, row.hash],
      );
    },
    async forRecord(orgId: string, recordTable: string, recordId: string): Promise<SignatureRow[]> {
      return (
        await db.query<SignatureRow>(
          `SELECT * FROM platform.signature WHERE org_id = $1 AND record_table = $2 AND record_id = $3 ORDER BY signed_at, id`,
          [orgId, recordTable, recordId],
        )
      ).rows;
    },
  };
}

/** Signs a record as the re-authenticated signer of this command; printed name and time from the server. */
export async function signRecord(ctx: CommandContext, recordTable: string, recordId: string, content: Record<string, unknown>): Promise<SignatureRow> {
  if (!ctx.signer) throw new Error(`${ctx.commandName} signs a record but declares no signature`);
  const base = {
    org_id: ctx.orgId,
    id: newId('sig'),
    record_table: recordTable,
    record_id: recordId,
    signer_id: ctx.signer.userId,
    signer_name: ctx.signer.printedName,
    meaning: ctx.signer.meaning,
    signed_at: ctx.now,
    content_hash: contentHash(recordTable, recordId, content),
    command_id: ctx.commandId,
  };
  const row = { ...base, hash: signatureHash(base) };
  await ctx.repo(signatureRepo).insert(row);
  ctx.addSignature(row.id);
  return row;
}

export interface SignatureCheck {
  valid: boolean;
  problem?: 'signature_altered' | 'content_changed';
}

/** A signature is valid when its own fields are intact and it covers exactly this record's content. */
export function verifySignature(row: SignatureRow, recordTable: string, recordId: string, content: Record<string, unknown>): SignatureCheck {
  const { hash, ...base } = row;
  if (signatureHash(base) !== hash) return { valid: false, problem: 'signature_altered' };
  if (row.content_hash !== contentHash(recordTable, recordId, content)) return { valid: false, problem: 'content_changed' };
  return { valid: true };
}

export interface SignatureView {
  id: string;
  meaning: string;
  signerName: string;
  signedAt: string;
  /** valid: covers this content; superseded: intact but the record changed since (e.g. by change control); invalid: altered or moved. */
  status: 'valid' | 'superseded' | 'invalid';
  valid: boolean;
}

export function signatureViews(rows: SignatureRow[], recordTable: string, recordId: string, content: Record<string, unknown>): SignatureView[] {
  return rows.map((row) => {
    const check = verifySignature(row, recordTable, recordId, content);
    const status = check.valid ? 'valid' : check.problem === 'content_changed' ? 'superseded' : 'invalid';
    return {
      id: row.id,
      meaning: row.meaning,
      signerName: row.signer_name,
      signedAt: new Date(row.signed_at).toISOString(),
      status,
      valid: status === 'valid',
    };
  });
}
