import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition, DocumentRow } from '../../../platform/document/document.ts';
import type { Lifecycle } from '../../../platform/lifecycle/lifecycle.ts';
import { signRecord } from '../../../platform/signature/signature.ts';
import { masterRecordShapes } from '../../master-data/index.ts';

export const changeRequestLifecycle: Lifecycle = {
  states: {
    draft: { 'zh-CN': '草稿', en: 'Draft' },
    submitted: { 'zh-CN': '待审批', en: 'Submitted' },
    approved: { 'zh-CN': '已批准并生效', en: 'Approved and applied' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  },
  initial: 'draft',
  editable: ['draft', 'rejected'],
  transitions: {
    submit: { from: ['draft', 'rejected'], to: 'submitted', event: 'submitted', label: { 'zh-CN': '提交', en: 'Submit' }, stamp: { by: 'submitted_by', at: 'submitted_at' } },
    approve: { from: ['submitted'], to: 'approved', event: 'approved', label: { 'zh-CN': '批准并生效', en: 'Approve and apply' }, signature: { meanings: ['approved'] }, approval: true },
    reject: { from: ['submitted'], to: 'rejected', event: 'rejected', label: { 'zh-CN': '驳回', en: 'Reject' }, signature: { meanings: ['rejected'] }, reasonRequired: true },
  },
};

/** Applies the approved changes as a new version of the target, which the approver's signature now covers. */
async function applyChange(ctx: CommandContext, row: DocumentRow) {
  const shape = masterRecordShapes[row.target as string];
  const target = (await ctx.repo((db) => db.query<DocumentRow>(`SELECT * FROM ${shape.doc.table} WHERE org_id = $1 AND id = $2 FOR UPDATE`, [ctx.orgId, row.target_id]))).rows[0];
  if (!target) throw errors.notFound(`${row.target} ${row.target_id}`);
  const changes = row.changes as Record<string, unknown>;
  const sets = ['version = version + 1', 'updated_at = $3'];
  const params: unknown[] = [ctx.orgId, row.target_id, ctx.now];
  for (const [field, value] of Object.entries(changes)) {
    params.push(Array.isArray(value) ? value : value);
    sets.push(`${shape.columns[field]} = $${params.length}`);
  }
  await ctx.repo((db) => db.query(`UPDATE ${shape.doc.table} SET ${sets.join(', ')} WHERE org_id = $1 AND id = $2`, params));
  const updated = (await ctx.repo((db) => db.query<DocumentRow>(`SELECT * FROM ${shape.doc.table} WHERE org_id = $1 AND id = $2`, [ctx.orgId, row.target_id]))).rows[0];
  await signRecord(ctx, shape.doc.table, updated.id, shape.doc.signedContent(updated));
  ctx.emit(`${shape.doc.name}.changed`, { id: updated.id, number: updated.number, changeRequest: row.number, fields: Object.keys(changes), version: updated.version });
}

export const changeRequestDocument: DocumentDefinition = {
  name: 'qualification.change_request',
  table: 'qualification.change_request',
  label: { 'zh-CN': '主数据变更申请', en: 'Master data change request' },
  lifecycle: changeRequestLifecycle,
  signedContent: contentColumns,
  ruleFacts: (row) => ({ target: row.target }),
  effects: { approve: applyChange },
};
