import { z } from 'zod';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { documentMeta } from '../../../platform/document/document.queries.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import { goodsReceiptRepo, type ReceiptLineRow } from './goods-receipt.repo.ts';
import { goodsReceiptDocument } from './goods-receipt.document.ts';

const isoTime = (value: unknown) => (value ? new Date(value as Date).toISOString() : null);

function headerView(row: DocumentRow) {
  return {
    id: row.id, number: row.number, status: row.status, purchaseOrderId: row.purchase_order_id, purchaseOrderNo: row.purchase_order_no,
    supplierId: row.supplier_id, supplierName: row.supplier_name, deliveryNoteNo: row.delivery_note_no, delivererName: row.deliverer_name,
    receiverName: row.receiver_name, receiptDate: row.receipt_date, locationId: row.location_id, rejectLocationId: row.reject_location_id,
    coldChain: row.cold_chain ? {
      transportMode: row.transport_mode, temperatureFileId: row.temperature_file_id, readings: row.temperature_readings,
      departedAt: isoTime(row.departed_at), arrivedAt: isoTime(row.arrived_at), arrivalTemperature: row.arrival_temperature,
    } : null,
    flags: row.flags, blocking: row.blocking, eventId: row.event_id, receivedAt: isoTime(row.received_at),
  };
}

export const lineView = (line: ReceiptLineRow, serials: string[]) => ({
  id: line.id, lineNo: line.line_no, orderLineId: line.order_line_id, productId: line.product_id, productName: line.product_name,
  model: line.product_model, registrant: line.registrant, registrationNo: line.registration_no, udiDi: line.udi_di, unit: line.unit,
  lot: line.lot, productionDate: line.production_date, expiry: line.expiry, deliveryNoteExpiry: line.delivery_note_expiry,
  quantity: line.quantity, serialCount: line.serial_count, serials: serials.slice(0, 500), coldChainExcursion: line.cold_chain_excursion,
  receivedStatus: line.received_status,
});

export const listGoodsReceipts = defineQuery({
  name: 'receiving.goods_receipt.list',
  permission: 'receiving.goods_receipt.read',
  summary: { 'zh-CN': '收货单列表', en: 'List goods receipts' },
  input: z.strictObject({
    status: z.string().max(20).optional(),
    purchaseOrderId: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  async handler(ctx, input) {
    const { rows, total } = await ctx.repo(goodsReceiptRepo).list(ctx.orgId, input);
    return { items: rows.map(headerView), total };
  },
});

export const getGoodsReceipt = defineQuery({
  name: 'receiving.goods_receipt.get',
  permission: 'receiving.goods_receipt.read',
  summary: { 'zh-CN': '收货单详情（明细、序列号、差异标记）', en: 'Goods receipt detail (lines, serials, flags)' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    return ctx.repo(async (db) => {
      const repo = goodsReceiptRepo(db);
      const row = await repo.get(ctx.orgId, input.id);
      if (!row) throw errors.notFound(`goods receipt ${input.id}`);
      const serials = await repo.serials(ctx.orgId, row.id);
      const lines = (await repo.lines(ctx.orgId, row.id)).map((l) => lineView(l, serials.get(l.id) ?? []));
      return { ...headerView(row), lines, ...(await documentMeta(db, goodsReceiptDocument, row, ctx.actor)) };
    });
  },
});

export const goodsReceiptQueries = [listGoodsReceipts, getGoodsReceipt];
