import { z } from 'zod';
import { businessDay } from '../../../platform/calendar.ts';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { documentMeta } from '../../../platform/document/document.queries.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import { approvalRepo } from '../../../platform/approval/approval.repo.ts';
import { selectApplicableRules } from '../../../platform/approval/approval.rules.ts';
import type { OrderLine } from './purchase-order.model.ts';
import { computeApprovalProgress, computeLinesDigest, formatMoney, formatQuantity, formatUnitPrice } from './purchase-order.rules.ts';
import { purchaseOrderRepo } from './purchase-order.repo.ts';
import { purchaseOrderDocument } from './purchase-order.document.ts';

const isoDay = (value: unknown) => (value ? businessDay(new Date(value as Date)) : null);
const isoTime = (value: unknown) => (value ? new Date(value as Date).toISOString() : null);

/** The header as the API shows it (F-CN-3 header, 直调 fields, workflow stamps). */
function headerView(row: DocumentRow) {
  return {
    id: row.id, number: row.number, status: row.status,
    supplierId: row.supplier_id, supplierName: row.supplier_name, supplierAddress: row.supplier_address,
    supplierContact: row.supplier_contact, supplierPhone: row.supplier_phone,
    orderDate: row.order_date, expectedDeliveryDate: row.expected_delivery_date, currency: row.currency,
    qualityClause: row.quality_clause, afterSalesClause: row.after_sales_clause, note: row.note,
    direct: row.direct, directReason: row.direct_reason, directNote: row.direct_note,
    directCustomerId: row.direct_customer_id, directCustomerName: row.direct_customer_name,
    total: formatMoney(row.total as string), lineCount: row.line_count, maxDeviceClass: row.max_device_class,
    submittedAt: isoTime(row.submitted_at), approvedAt: isoTime(row.approved_at), closedAt: isoTime(row.closed_at),
    cancelledAt: isoTime(row.cancelled_at), cancelReason: row.cancel_reason,
  };
}

/** A line as the API shows it: 名称、型号/规格、注册人/备案人、注册证编号/备案编号、单位、数量、单价、金额. */
export function lineView(line: OrderLine) {
  return {
    id: line.id, lineNo: line.lineNo, productId: line.productId, productName: line.productName, model: line.productModel,
    registrant: line.registrant, registrationNo: line.registrationNo, deviceClass: line.deviceClass, unit: line.unit,
    quantity: formatQuantity(line.quantity), unitPrice: formatUnitPrice(line.unitPrice), amount: formatMoney(line.amount),
  };
}

/** Approvals of the current round against the rules that apply to this order. */
async function approvalProgress(db: Queryable, row: DocumentRow) {
  if (!row.submitted_at) return [];
  const repo = approvalRepo(db);
  const doc = purchaseOrderDocument;
  // The rules in force when the order was approved, or today while it waits.
  const day = isoDay(row.approved_at) ?? businessDay();
  const rules = selectApplicableRules(await repo.rulesFor(row.org_id, doc.name, 'approve'), doc.ruleFacts(row), day);
  return computeApprovalProgress(rules, await repo.given(row.org_id, doc.table, row.id, 'approve', row.submitted_at as Date));
}

export const listPurchaseOrders = defineQuery({
  name: 'purchasing.purchase_order.list',
  permission: 'purchasing.purchase_order.read',
  summary: { 'zh-CN': '采购订单列表', en: 'List purchase orders' },
  input: z.strictObject({
    status: z.string().max(20).optional(),
    supplierId: z.string().max(64).optional(),
    q: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  async handler(ctx, input) {
    const { rows, total } = await ctx.repo(purchaseOrderRepo).list(ctx.orgId, input);
    return { items: rows.map((row) => ({ ...headerView(row), version: row.version, createdAt: isoTime(row.created_at) })), total };
  },
});

export const getPurchaseOrder = defineQuery({
  name: 'purchasing.purchase_order.get',
  permission: 'purchasing.purchase_order.read',
  summary: { 'zh-CN': '采购订单详情（含明细、签名、审批进度）', en: 'Purchase order detail (lines, signatures, approval progress)' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    return ctx.repo(async (db) => {
      const repo = purchaseOrderRepo(db);
      const row = await repo.get(ctx.orgId, input.id);
      if (!row) throw errors.notFound(`purchase order ${input.id}`);
      const lines = await repo.lines(ctx.orgId, row.id);
      // Signatures are checked against the lines as they are now, not the digest stored beside them.
      const meta = await documentMeta(db, purchaseOrderDocument, { ...row, lines_digest: computeLinesDigest(lines) }, ctx.actor);
      return { ...headerView(row), lines: lines.map(lineView), ...meta, approvalProgress: await approvalProgress(db, row) };
    });
  },
});

export const purchaseOrderQueries = [listPurchaseOrders, getPurchaseOrder];
