import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fieldErrors } from '../../../platform/bus/zod-errors.ts';
import { nextNumber } from '../../../platform/document/numbering.ts';
import { transitionCommands, type DocumentRow } from '../../../platform/document/document.ts';
import { documentMeta } from '../../../platform/document/document.queries.ts';
import { masterRecordShapes } from '../../master-data/index.ts';
import { changeRequestDocument } from './change-request.model.ts';

/**
 * Approved quality master data changes only through change control: the proposal is validated like
 * an update of the record, reviewed and signed, then applied as a new version (CN-SYS-05, CN-SYS-16).
 */
export const createChangeRequest = defineCommand({
  name: 'qualification.change_request.create',
  summary: { 'zh-CN': '提出主数据变更', en: 'Propose a master data change' },
  reasonRequired: true,
  input: z.strictObject({
    target: z.enum(['master_data.product', 'master_data.party']),
    targetId: z.string().min(1).max(64),
    changes: z.record(z.string(), z.unknown()),
  }),
  async handler(ctx, input) {
    const shape = masterRecordShapes[input.target];
    const parsed = shape.updateInput.safeParse({ id: input.targetId, ...input.changes });
    if (!parsed.success) throw errors.badRequest(fieldErrors(parsed.error).map((e) => ({ ...e, path: `changes.${e.path}` })));
    const { id: _id, ...changes } = parsed.data;
    if (Object.keys(changes).length === 0) throw errors.badRequest([{ path: 'changes', message: 'no change proposed' }]);
    const target = (await ctx.repo((db) => db.query<{ status: string }>(`SELECT status FROM ${shape.doc.table} WHERE org_id = $1 AND id = $2`, [ctx.orgId, input.targetId]))).rows[0];
    if (!target) throw errors.notFound(`${input.target} ${input.targetId}`);
    if (target.status !== 'approved') {
      throw errors.conflict('NOT_APPROVED', { 'zh-CN': '只有已批准的主数据需要变更申请；草稿可直接修改', en: 'Only approved master data needs a change request; edit drafts directly' });
    }
    const id = newId('chg');
    const number = await nextNumber(ctx, 'CHG');
    await ctx.repo((db) => db.query(
      `INSERT INTO qualification.change_request (org_id, id, number, target, target_id, changes, status, version, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'draft', 1, $7, $8, $8)`,
      [ctx.orgId, id, number, input.target, input.targetId, JSON.stringify(changes), ctx.actor.userId, ctx.now],
    ));
    return { id, number };
  },
});

export const listChangeRequests = defineQuery({
  name: 'qualification.change_request.list',
  permission: 'qualification.change_request.read',
  summary: { 'zh-CN': '主数据变更申请', en: 'Master data change requests' },
  input: z.strictObject({ targetId: z.string().max(64).optional(), status: z.string().max(20).optional() }),
  async handler(ctx, input) {
    const rows = (await ctx.repo((db) => db.query<DocumentRow>(
      `SELECT * FROM qualification.change_request WHERE org_id = $1 AND ($2::text IS NULL OR target_id = $2) AND ($3::text IS NULL OR status = $3) ORDER BY number DESC LIMIT 500`,
      [ctx.orgId, input.targetId ?? null, input.status ?? null],
    ))).rows;
    const items = [];
    for (const row of rows) {
      const meta = await ctx.repo((db) => documentMeta(db, changeRequestDocument, row, ctx.actor));
      items.push({ id: row.id, number: row.number, target: row.target, targetId: row.target_id, changes: row.changes, ...meta });
    }
    return { items };
  },
});

export const getChangeRequest = defineQuery({
  name: 'qualification.change_request.get',
  permission: 'qualification.change_request.read',
  summary: { 'zh-CN': '变更申请详情', en: 'Change request detail' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    const row = (await ctx.repo((db) => db.query<DocumentRow>('SELECT * FROM qualification.change_request WHERE org_id = $1 AND id = $2', [ctx.orgId, input.id]))).rows[0];
    if (!row) throw errors.notFound(`change request ${input.id}`);
    const meta = await ctx.repo((db) => documentMeta(db, changeRequestDocument, row, ctx.actor));
    return { id: row.id, number: row.number, target: row.target, targetId: row.target_id, changes: row.changes, ...meta };
  },
});

export const changeRequestCommands = [createChangeRequest, ...transitionCommands(changeRequestDocument)];
export const changeRequestQueries = [listChangeRequests, getChangeRequest];
