import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { AppError, errors } from '../../../platform/errors.ts';
import { purchaseOrderRepo } from '../../purchasing/index.ts';
import { assertQualified, checkQualification } from '../../qualification/index.ts';
import { receivingFactsRepo } from '../shared.repo.ts';
import type { OrderedLine, ProductFacts } from './goods-receipt.model.ts';
import { goodsReceiptRepo } from './goods-receipt.repo.ts';

/** The approved order a receipt is written against, with what each line already received. */
export async function loadOrder(ctx: CommandContext, purchaseOrderId: string) {
  const orders = ctx.repo(purchaseOrderRepo);
  const order = await orders.get(ctx.orgId, purchaseOrderId);
  if (!order) throw errors.notFound(`purchase order ${purchaseOrderId}`);
  if (order.status !== 'approved') {
    throw new AppError(422, 'ORDER_NOT_APPROVED', { 'zh-CN': `采购订单 ${order.number} 未批准（${order.status}），不得收货`, en: `Purchase order ${order.number} is not approved (${order.status}): nothing can be received against it` },
      { requirement: 'CN-REC-01', rule: 'receiving.order_approved' });
  }
  const lines = await orders.lines(ctx.orgId, purchaseOrderId);
  const before = await ctx.repo(goodsReceiptRepo).receivedBefore(ctx.orgId, lines.map((l) => l.id!));
  const orderLines: OrderedLine[] = lines.map((l) => ({
    id: l.id!, lineNo: l.lineNo, productId: l.productId, productName: l.productName, productModel: l.productModel, registrant: l.registrant,
    registrationNo: l.registrationNo, unit: l.unit, quantity: l.quantity, receivedBefore: before.get(l.id!) ?? '0',
  }));
  const products: Map<string, ProductFacts> = await ctx.repo(receivingFactsRepo).products(ctx.orgId, [...new Set(lines.map((l) => l.productId))]);
  return { order, orderLines, products };
}

/** CN-SYS-07: supplier × product on the day the goods arrive, not only the day the order was written. */
export async function assertReceiptQualified(ctx: CommandContext, supplierId: string, productIds: string[]) {
  for (const productId of new Set(productIds)) {
    assertQualified(await ctx.repo((db) => checkQualification(db, { orgId: ctx.orgId, supplierId, productId, date: ctx.today })));
  }
}
