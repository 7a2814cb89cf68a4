import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { AppError } from '../../../platform/errors.ts';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition, DocumentRow } from '../../../platform/document/document.ts';
import { postStock, type MovementLine } from '../../inventory/index.ts';
import { goodsReceiptRepo } from '../goods-receipt/goods-receipt.repo.ts';
import { acceptanceLifecycle } from './acceptance.lifecycle.ts';
import { acceptanceRepo } from './acceptance.repo.ts';
import { checkAcceptanceComplete, type VerdictProblem } from './acceptance.rules.ts';

/** Workflow stamps and the posted event are not content: a signature stays valid through them. */
const WORKFLOW = ['accepted_by', 'accepted_at', 'cancelled_by', 'cancelled_at', 'event_id'];
export function signedAcceptanceContent(row: DocumentRow): Record<string, unknown> {
  const content = contentColumns(row);
  for (const column of WORKFLOW) delete content[column];
  return content;
}

export const refused = (code: string, problems: VerdictProblem[]) =>
  new AppError(422, code, { 'zh-CN': `验收记录不完整或不合规：${problems[0].zh}（${problems[0].path}）`, en: `Acceptance refused: ${problems[0].message} (${problems[0].path})` }, {
    requirement: problems[0].requirement, rule: `receiving.${code.toLowerCase()}`, errors: problems.map(({ path, message }) => ({ path, message })),
  });

/** F-CN-5 before the signature; the signer is the inspector named on the record (the session, never a typed name). */
async function guardAccept(ctx: CommandContext, row: DocumentRow) {
  if (ctx.actor.userId !== row.inspector_id) {
    throw new AppError(403, 'NOT_THE_INSPECTOR', { 'zh-CN': '验收记录只能由记录中的验收人员签署', en: 'Only the inspector named on the record signs it' }, { requirement: 'CN-ACC-01' });
  }
  const problems = checkAcceptanceComplete(row, await ctx.repo(acceptanceRepo).lines(ctx.orgId, row.id));
  if (problems.length) throw refused('ACCEPTANCE_INCOMPLETE', problems);
}

/**
 * Accepted stock turns 合格 in place at the receiving bin (a status change: the bin's conditions were checked
 * when the goods came in; putaway moves it on); rejected stock moves to the 不合格 bin, checked there.
 */
async function postAcceptance(ctx: CommandContext, row: DocumentRow) {
  const receipt = (await ctx.repo(goodsReceiptRepo).get(ctx.orgId, row.receipt_id as string))!;
  const serials = await ctx.repo(goodsReceiptRepo).serials(ctx.orgId, receipt.id);
  const receiptLines = new Map((await ctx.repo(goodsReceiptRepo).lines(ctx.orgId, receipt.id)).map((l) => [l.id, l]));
  const from = receipt.location_id as string;
  const rejectBin = (row.reject_location_id ?? receipt.reject_location_id) as string | null;
  const release: MovementLine[] = [];
  const reject: MovementLine[] = [];
  for (const line of await ctx.repo(acceptanceRepo).lines(ctx.orgId, row.id)) {
    const received = receiptLines.get(line.receipt_line_id)!;
    // Goods that arrived out of range were posted to 不合格 at receipt: nothing left in quarantine.
    if (received.received_status === 'rejected') continue;
    const base = { productId: line.product_id, lot: line.lot, expiry: line.expiry, sourceLine: line.id };
    const move = (target: MovementLine[], status: 'released' | 'rejected', locationId: string, serial: string, quantity: string) => {
      target.push({ ...base, serial, locationId: from, status: 'quarantine', quantity: `-${quantity}` });
      target.push({ ...base, serial, locationId, status, quantity });
    };
    const lineSerials = serials.get(line.receipt_line_id) ?? [];
    if (lineSerials.length) {
      const rejected = new Set(line.rejected_serials.map((r) => r.serial));
      if (line.verdict === 'rejected') lineSerials.forEach((s) => rejected.add(s));
      for (const serial of lineSerials) rejected.has(serial) ? move(reject, 'rejected', rejectBin!, serial, '1') : move(release, 'released', from, serial, '1');
    } else {
      if (Number(line.accepted_quantity) > 0) move(release, 'released', from, '', line.accepted_quantity);
      if (Number(line.rejected_quantity) > 0) move(reject, 'rejected', rejectBin!, '', line.rejected_quantity);
    }
  }
  if (reject.length && !rejectBin) {
    throw new AppError(422, 'NO_REJECT_BIN', { 'zh-CN': '拒收货品需要不合格品区货位', en: 'Rejected goods need a rejected bin' }, { errors: [{ path: 'rejectLocationId', message: 'required' }] });
  }
  const bizTransactions = [{ type: 'po' as const, id: receipt.purchase_order_no as string }, { type: 'recadv' as const, id: row.number as string }];
  // The in-place release and the move to 不合格 are two events: each has one CBV disposition.
  if (release.length) {
    const posted = await postStock(ctx, { step: 'accept', sourceType: 'receiving.acceptance', sourceId: row.id, bizTransactions, lines: release, skipLocationCheck: true });
    await ctx.repo(acceptanceRepo).setEvent(ctx.orgId, row.id, posted.eventId);
  }
  if (reject.length) await postStock(ctx, { step: 'accept', sourceType: 'receiving.acceptance', sourceId: row.id, bizTransactions, lines: reject });
}

export const acceptanceDocument: DocumentDefinition = {
  name: 'receiving.acceptance',
  table: 'receiving.acceptance',
  label: { 'zh-CN': '验收记录', en: 'Acceptance record' },
  lifecycle: acceptanceLifecycle,
  signedContent: signedAcceptanceContent,
  ruleFacts: (row) => ({ supplierId: row.supplier_id }),
  guards: { accept: guardAccept },
  effects: { accept: postAcceptance },
};
