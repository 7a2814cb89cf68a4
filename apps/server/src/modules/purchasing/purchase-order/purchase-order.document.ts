import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import type { DocumentDefinition, DocumentRow } from '../../../platform/document/document.ts';
import { purchaseOrderLifecycle } from './purchase-order.lifecycle.ts';
import { purchaseOrderRuleFacts, signedOrderContent } from './purchase-order.rules.ts';
import { purchaseOrderRepo } from './purchase-order.repo.ts';
import { assertOrderQualified } from './purchase-order.qualification.ts';

/**
 * Qualification again on the day of the step, not only on the day of drafting: a licence, registration
 * or authorisation that expired since blocks submission and each approval (CN-SYS-07, CN-SYS-08).
 */
async function requalify(ctx: CommandContext, row: DocumentRow) {
  const lines = await ctx.repo(purchaseOrderRepo).lines(ctx.orgId, row.id);
  const parties = { supplierId: row.supplier_id as string, directCustomerId: (row.direct_customer_id as string | null) ?? null };
  await assertOrderQualified(ctx, parties, lines, ctx.today);
}

export const purchaseOrderDocument: DocumentDefinition = {
  name: 'purchasing.purchase_order',
  table: 'purchasing.purchase_order',
  label: { 'zh-CN': '采购订单', en: 'Purchase order' },
  lifecycle: purchaseOrderLifecycle,
  signedContent: signedOrderContent,
  ruleFacts: purchaseOrderRuleFacts,
  guards: {
    submit: requalify,
    async approve(ctx, row) {
      // Four eyes even where no approval rule is in force (a legal entity bootstrapped before these rules).
      if (ctx.actor.userId === row.created_by || ctx.actor.userId === row.submitted_by) throw errors.selfApproval();
      await requalify(ctx, row);
    },
  },
  effects: {
    cancel: (ctx, row) => ctx.repo(purchaseOrderRepo).setCancelReason(ctx.orgId, row.id, ctx.reason),
  },
};
