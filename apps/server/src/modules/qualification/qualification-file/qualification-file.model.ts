import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { AppError, errors } from '../../../platform/errors.ts';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition, DocumentRow } from '../../../platform/document/document.ts';
import { factsRepo } from '../check/facts.repo.ts';
import { qualificationFileLifecycle } from './qualification-file.lifecycle.ts';
import { checkCustomerFile, checkProductFile, checkSupplierFile, type MissingItem } from './qualification-file.rules.ts';

export type FileKind = 'supplier' | 'product' | 'customer';

/** What the file still lacks today (F-CN-1 / F-CN-2 / 购货者档案). */
export async function missingItems(ctx: Pick<CommandContext, 'repo' | 'orgId'>, kind: FileKind, subjectId: string, date: string): Promise<MissingItem[]> {
  const facts = ctx.repo(factsRepo);
  if (kind === 'product') return checkProductFile(await facts.product(ctx.orgId, subjectId), date);
  const party = await facts.party(ctx.orgId, subjectId);
  return kind === 'supplier' ? checkSupplierFile(party, date) : checkCustomerFile(party, date);
}

async function assertComplete(ctx: CommandContext, row: DocumentRow) {
  const missing = await missingItems(ctx, row.kind as FileKind, row.subject_id as string, ctx.today);
  if (missing.length === 0) return;
  throw new AppError(422, 'QUALIFICATION_INCOMPLETE', {
    'zh-CN': `首营资料不完整：${missing.map((m) => m.message['zh-CN']).join('；')}`,
    en: `The qualification file is incomplete: ${missing.map((m) => m.message.en).join('; ')}`,
  }, { requirement: missing[0].requirement, rule: 'qualification.file.completeness', errors: missing.map((m) => ({ path: m.item, message: m.message.en })) });
}

const subjectTable = (kind: string) => (kind === 'product' ? 'master_data.product' : 'master_data.party');

async function setSubjectLock(ctx: CommandContext, row: DocumentRow, reason: string | null) {
  await ctx.repo((db) => db.query(`UPDATE ${subjectTable(row.kind as string)} SET locked_reason = $3, updated_at = $4 WHERE org_id = $1 AND id = $2`, [ctx.orgId, row.subject_id, reason, ctx.now]));
}

export const qualificationFileDocument: DocumentDefinition = {
  name: 'qualification.file',
  table: 'qualification.qualification_file',
  label: { 'zh-CN': '首营档案', en: 'Qualification file' },
  lifecycle: qualificationFileLifecycle,
  signedContent: contentColumns,
  ruleFacts: (row) => ({ kind: row.kind }),
  guards: {
    submit: assertComplete,
    async review(ctx, row) {
      // The reviewer is a second person: neither the author nor the submitter.
      if (ctx.actor.userId === row.created_by || ctx.actor.userId === row.submitted_by) throw errors.selfApproval();
    },
    reinstate: assertComplete,
  },
  effects: {
    approve: (ctx, row) => setSubjectLock(ctx, row, null),
    reinstate: (ctx, row) => setSubjectLock(ctx, row, null),
    lock: (ctx, row) => setSubjectLock(ctx, row, ctx.reason ?? 'locked'),
  },
};
