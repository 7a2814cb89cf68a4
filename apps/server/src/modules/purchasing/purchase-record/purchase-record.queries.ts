import { z } from 'zod';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import type { LocalizedText } from '../../../platform/errors.ts';
import { formatMoney, formatQuantity, formatUnitPrice } from '../purchase-order/purchase-order.rules.ts';
import { purchaseRecordRepo, type PurchaseRecordRow } from './purchase-record.repo.ts';

/**
 * The columns of the 采购记录 in F-CN-4 order, with their printed headings: what an export (XLSX, PDF)
 * lays out. 型号 and 规格 are one field of the product master (型号/规格).
 */
export const purchaseRecordColumns: { field: string; label: LocalizedText }[] = [
  { field: 'productName', label: { 'zh-CN': '名称', en: 'Name' } },
  { field: 'model', label: { 'zh-CN': '型号/规格', en: 'Model / specification' } },
  { field: 'registrant', label: { 'zh-CN': '注册人/备案人', en: 'Registrant / filing holder' } },
  { field: 'registrationNo', label: { 'zh-CN': '注册证编号/备案编号', en: 'Registration / filing no.' } },
  { field: 'unit', label: { 'zh-CN': '单位', en: 'Unit' } },
  { field: 'quantity', label: { 'zh-CN': '数量', en: 'Quantity' } },
  { field: 'unitPrice', label: { 'zh-CN': '单价', en: 'Unit price' } },
  { field: 'amount', label: { 'zh-CN': '金额', en: 'Amount' } },
  { field: 'supplierName', label: { 'zh-CN': '供货者', en: 'Supplier' } },
  { field: 'purchaseDate', label: { 'zh-CN': '购货日期', en: 'Purchase date' } },
];

function recordView(row: PurchaseRecordRow) {
  return {
    orderId: row.order_id, orderNumber: row.order_number, lineNo: row.line_no, status: row.status,
    productId: row.product_id, productName: row.product_name, model: row.product_model, registrant: row.registrant,
    registrationNo: row.registration_no, unit: row.unit, quantity: formatQuantity(row.quantity), unitPrice: formatUnitPrice(row.unit_price),
    amount: formatMoney(row.amount), supplierId: row.supplier_id, supplierName: row.supplier_name,
    // 购货日期: the date of the order (the contract date); approval time is given beside it.
    purchaseDate: row.order_date, approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : null,
    direct: row.direct, directReason: row.direct_reason, directCustomerName: row.direct_customer_name,
  };
}

export const listPurchaseRecords = defineQuery({
  name: 'purchasing.purchase_record.list',
  permission: 'purchasing.purchase_record.read',
  summary: { 'zh-CN': '采购记录（F-CN-4，已批准及已关闭订单的明细）', en: 'Purchase record (F-CN-4: lines of approved and closed orders)' },
  input: z.strictObject({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    supplierId: z.string().max(64).optional(),
    productId: z.string().max(64).optional(),
    /** true: the separate 直调 purchase record (CN-PUR-03); false: ordinary purchases only. */
    direct: z.enum(['true', 'false']).optional(),
    q: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  async handler(ctx, input) {
    const direct = input.direct === undefined ? undefined : input.direct === 'true';
    const { rows, total } = await ctx.repo(purchaseRecordRepo).list(ctx.orgId, { ...input, direct });
    return { columns: purchaseRecordColumns, items: rows.map(recordView), total };
  },
});
