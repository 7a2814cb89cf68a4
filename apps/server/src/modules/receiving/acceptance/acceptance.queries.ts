import { z } from 'zod';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { documentMeta } from '../../../platform/document/document.queries.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import { acceptanceRepo, type AcceptanceLineRow } from './acceptance.repo.ts';
import { acceptanceDocument } from './acceptance.document.ts';

/** The F-CN-5 record: 名称、型号/规格、数量、注册证编号、注册人、批号/序列号、有效期、购货日期、供货者、结论、合格数量、验收人员、日期、UDI. */
const headerView = (row: DocumentRow) => ({
  id: row.id, number: row.number, status: row.status, receiptId: row.receipt_id, receiptNo: row.receipt_no, purchaseOrderNo: row.purchase_order_no,
  purchaseDate: row.purchase_date, supplierName: row.supplier_name, supplierAddress: row.supplier_address, supplierContact: row.supplier_contact,
  inspector: row.inspector_name, acceptanceDate: row.acceptance_date, eventId: row.event_id,
  acceptedAt: row.accepted_at ? new Date(row.accepted_at as Date).toISOString() : null,
});

const lineView = (l: AcceptanceLineRow) => ({
  id: l.id, lineNo: l.line_no, receiptLineId: l.receipt_line_id, productId: l.product_id, productName: l.product_name, model: l.product_model,
  registrant: l.registrant, registrationNo: l.registration_no, udiDi: l.udi_di, lot: l.lot, serialCount: l.serial_count, expiry: l.expiry,
  quantity: l.quantity, verdict: l.verdict, acceptedQuantity: l.accepted_quantity, rejectedQuantity: l.rejected_quantity,
  rejectedSerials: l.rejected_serials, defects: l.defects, disposition: l.disposition, coldChainExcursion: l.cold_chain_excursion,
});

export const listAcceptances = defineQuery({
  name: 'receiving.acceptance.list',
  permission: 'receiving.acceptance.read',
  summary: { 'zh-CN': '验收记录列表', en: 'List acceptance records' },
  input: z.strictObject({
    status: z.string().max(20).optional(),
    receiptId: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  async handler(ctx, input) {
    const { rows, total } = await ctx.repo(acceptanceRepo).list(ctx.orgId, input);
    return { items: rows.map(headerView), total };
  },
});

export const getAcceptance = defineQuery({
  name: 'receiving.acceptance.get',
  permission: 'receiving.acceptance.read',
  summary: { 'zh-CN': '验收记录详情（含签名）', en: 'Acceptance record detail (with signatures)' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    return ctx.repo(async (db) => {
      const repo = acceptanceRepo(db);
      const row = await repo.get(ctx.orgId, input.id);
      if (!row) throw errors.notFound(`acceptance ${input.id}`);
      const lines = (await repo.lines(ctx.orgId, row.id)).map(lineView);
      return { ...headerView(row), lines, ...(await documentMeta(db, acceptanceDocument, row, ctx.actor)) };
    });
  },
});

export const acceptanceQueries = [listAcceptances, getAcceptance];
