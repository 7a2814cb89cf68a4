import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { AppError } from '../../../platform/errors.ts';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition, DocumentRow } from '../../../platform/document/document.ts';
import { postStock, type MovementLine } from '../../inventory/index.ts';
import type { Flag } from './goods-receipt.model.ts';
import { goodsReceiptLifecycle } from './goods-receipt.lifecycle.ts';
import { goodsReceiptRepo } from './goods-receipt.repo.ts';
import { checkOverReceipt } from './goods-receipt.rules.ts';
import { assertReceiptQualified, loadOrder } from './goods-receipt.compose.ts';

const blocked = (flags: Flag[]) =>
  new AppError(422, 'RECEIPT_BLOCKED', { 'zh-CN': `收货被阻止：${flags[0].message['zh-CN']}`, en: `Receipt blocked: ${flags[0].message.en}` }, {
    requirement: flags[0].requirement, rule: `receiving.${flags[0].code.toLowerCase()}`, facts: { flags },
    errors: flags.map((f) => ({ path: f.line ? `lines.${f.line - 1}` : 'receipt', message: f.message.en })),
  });

/** Before posting: no blocking flag, nothing over-received since the draft, supplier and products still qualified. */
async function guardReceive(ctx: CommandContext, row: DocumentRow) {
  const stored = (row.flags as Flag[]).filter((f) => f.severity === 'block');
  if (stored.length) throw blocked(stored);
  const { orderLines } = await loadOrder(ctx, row.purchase_order_id as string);
  const lines = await ctx.repo(goodsReceiptRepo).lines(ctx.orgId, row.id);
  const over = checkOverReceipt(lines.map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity })), orderLines);
  if (over.length) throw blocked(over);
  await assertReceiptQualified(ctx, row.supplier_id as string, lines.map((l) => l.product_id));
}

/** CN-REC-02: the goods enter the ledger as 待验 at the receiving bin; a cold-chain excursion goes straight to 不合格. */
async function postReceipt(ctx: CommandContext, row: DocumentRow) {
  const repo = ctx.repo(goodsReceiptRepo);
  const lines = await repo.lines(ctx.orgId, row.id);
  const serials = await repo.serials(ctx.orgId, row.id);
  const movements: MovementLine[] = [];
  for (const line of lines) {
    const at = { productId: line.product_id, lot: line.lot, expiry: line.expiry, status: line.received_status, sourceLine: line.id,
      locationId: line.received_status === 'rejected' ? (row.reject_location_id as string) : (row.location_id as string) };
    const lineSerials = serials.get(line.id) ?? [];
    if (lineSerials.length) for (const serial of lineSerials) movements.push({ ...at, serial, quantity: '1' });
    else movements.push({ ...at, serial: '', quantity: line.quantity });
  }
  const posted = await postStock(ctx, {
    step: 'receive', sourceType: 'receiving.goods_receipt', sourceId: row.id,
    bizTransactions: [{ type: 'po', id: row.purchase_order_no as string }, { type: 'desadv', id: row.delivery_note_no as string }],
    lines: movements,
  });
  await repo.setEvent(ctx.orgId, row.id, posted.eventId);
}

export const goodsReceiptDocument: DocumentDefinition = {
  name: 'receiving.goods_receipt',
  table: 'receiving.goods_receipt',
  label: { 'zh-CN': '收货单', en: 'Goods receipt' },
  lifecycle: goodsReceiptLifecycle,
  signedContent: (row) => contentColumns(row),
  ruleFacts: (row) => ({ supplierId: row.supplier_id, coldChain: row.cold_chain }),
  guards: { receive: guardReceive },
  effects: { receive: postReceipt },
};
