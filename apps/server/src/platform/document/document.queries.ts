import { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import type { Actor } from '../authz/actor.ts';
import { errors } from '../errors.ts';
import { availableTransitions, isEditable } from '../lifecycle/lifecycle.ts';
import { signatureRepo, signatureViews, type SignatureView } from '../signature/signature.ts';
import type { DocumentDefinition, DocumentRow } from './document.ts';

export const listInput = z.strictObject({
  q: z.string().max(100).optional(),
  status: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListInput = z.infer<typeof listInput>;

export const getInput = z.strictObject({ id: z.string().min(1).max(64) });

/** Paged list with a plain ILIKE search over the named columns (trigram search can replace it later). */
export async function listRows(db: Queryable, doc: DocumentDefinition, orgId: string, input: ListInput, searchColumns: string[]) {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  if (input.status) {
    params.push(input.status);
    where.push(`status = $${params.length}`);
  }
  if (input.q) {
    params.push(`%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(${searchColumns.map((c) => `${c} ILIKE $${params.length}`).join(' OR ')})`);
  }
  const filter = where.join(' AND ');
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${doc.table} WHERE ${filter}`, params)).rows[0].n;
  params.push(input.limit, input.offset);
  const rows = (
    await db.query<DocumentRow>(
      `SELECT * FROM ${doc.table} WHERE ${filter} ORDER BY number DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
  return { rows, total };
}

export async function getRow(db: Queryable, doc: DocumentDefinition, orgId: string, id: string): Promise<DocumentRow> {
  const row = (await db.query<DocumentRow>(`SELECT * FROM ${doc.table} WHERE org_id = $1 AND id = $2`, [orgId, id])).rows[0];
  if (!row) throw errors.notFound(`${doc.label.en} ${id}`);
  return row;
}

export interface DocumentMeta {
  status: string;
  version: number;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
  signatures: SignatureView[];
}

/** Status, signatures (verified against the current content) and the actions this actor may take now. */
export async function documentMeta(db: Queryable, doc: DocumentDefinition, row: DocumentRow, actor: Actor): Promise<DocumentMeta> {
  const signatures = await signatureRepo(db).forRecord(row.org_id, doc.table, row.id);
  const creator = (await db.query<{ display_name: string }>('SELECT display_name FROM platform.app_user WHERE org_id = $1 AND id = $2', [row.org_id, row.created_by])).rows[0];
  // Signed steps (review, approve, reinstate) are never offered to the author, submitter or reviewer (four eyes).
  const involved = [row.created_by, row.submitted_by, row.reviewed_by].includes(actor.userId);
  const fourEyes = (action: string) => {
    const spec = doc.lifecycle.transitions[action];
    return !(involved && spec?.signature && !spec.authorSigns && action !== 'reject');
  };
  const actions = [...(isEditable(doc.lifecycle, row.status) ? ['update'] : []), ...availableTransitions(doc.lifecycle, row.status)].filter(fourEyes);
  return {
    status: row.status,
    version: row.version,
    createdBy: { id: row.created_by, displayName: creator?.display_name ?? row.created_by },
    createdAt: new Date(row.created_at as Date).toISOString(),
    updatedAt: new Date(row.updated_at as Date).toISOString(),
    allowedActions: actions.filter((action) => actor.kind === 'system' || actor.permissions.has(`${doc.name}.${action}`)),
    signatures: signatureViews(signatures, doc.table, row.id, doc.signedContent(row)),
  };
}

/** Columns a signature does not cover: workflow state, stamps and system locks, not content. */
const NOT_SIGNED = new Set(['status', 'updated_at', 'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'locked_reason']);

/** Content a signature covers: every column but workflow state and stamps. */
export function contentColumns(row: DocumentRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !NOT_SIGNED.has(column)));
}
