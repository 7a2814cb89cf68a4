import { defineCommand } from '../../../platform/bus/definitions.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/document/numbering.ts';
import { lockEditable, transitionCommands } from '../../../platform/document/document.ts';
import { createPurchaseOrderInput, updatePurchaseOrderInput } from './purchase-order.model.ts';
import { mergeDraft } from './purchase-order.rules.ts';
import { purchaseOrderRepo } from './purchase-order.repo.ts';
import { composeOrder, draftFromOrder } from './purchase-order.compose.ts';
import { purchaseOrderDocument } from './purchase-order.document.ts';

export const createPurchaseOrder = defineCommand({
  name: 'purchasing.purchase_order.create',
  summary: { 'zh-CN': '新建采购订单（草稿，含明细）', en: 'Create a purchase order with its lines (draft)' },
  input: createPurchaseOrderInput,
  async handler(ctx, input) {
    // The order date is the server's day (CN-SYS-04), never the client's.
    const composed = await composeOrder(ctx, input, ctx.today);
    const repo = ctx.repo(purchaseOrderRepo);
    const id = newId('po');
    const number = await nextNumber(ctx, 'PO');
    await repo.insert({
      org_id: ctx.orgId, id, number, order_date: ctx.today, ...composed.header,
      status: purchaseOrderDocument.lifecycle.initial, version: 1, created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    });
    await repo.replaceLines(ctx.orgId, id, composed.lines, ctx.now);
    ctx.emit('purchasing.purchase_order.created', { id, number, supplierId: input.supplierId, total: composed.header.total, direct: input.direct });
    return { id, number };
  },
});

export const updatePurchaseOrder = defineCommand({
  name: 'purchasing.purchase_order.update',
  summary: { 'zh-CN': '修改采购订单（仅草稿或已驳回；明细整体替换）', en: 'Change a purchase order (draft or rejected only; lines are replaced as a whole)' },
  input: updatePurchaseOrderInput,
  async handler(ctx, input) {
    const { id, ...changes } = input;
    const row = await lockEditable(ctx, purchaseOrderDocument, id);
    const repo = ctx.repo(purchaseOrderRepo);
    const draft = mergeDraft(draftFromOrder(row, await repo.lines(ctx.orgId, id)), changes);
    // Snapshots are taken afresh: a draft shows the master data of the day it was last saved.
    const composed = await composeOrder(ctx, draft, row.order_date as string);
    await repo.update(ctx.orgId, id, composed.header, ctx.now);
    if (composed.header.lines_digest !== row.lines_digest) await repo.replaceLines(ctx.orgId, id, composed.lines, ctx.now);
    ctx.emit('purchasing.purchase_order.updated', { id, fields: Object.keys(changes) });
    return { id };
  },
});

export const purchaseOrderCommands = [createPurchaseOrder, updatePurchaseOrder, ...transitionCommands(purchaseOrderDocument)];
