import type { Queryable } from '../../../platform/db/db.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import { insertRows } from '../shared.repo.ts';

export interface ReceiptLineRow {
  id: string;
  line_no: number;
  order_line_id: string;
  product_id: string;
  product_name: string;
  product_model: string;
  registrant: string;
  registration_no: string;
  udi_di: string | null;
  tracking: 'lot' | 'serial' | 'lot_serial';
  unit: string;
  lot: string;
  production_date: string | null;
  expiry: string | null;
  delivery_note_expiry: string | null;
  quantity: string;
  serial_count: number;
  cold_chain_excursion: boolean;
  received_status: 'quarantine' | 'rejected';
}

/** SQL of goods receipts, their lines, serials and SSCC links. */
export function goodsReceiptRepo(db: Queryable) {
  return {
    async insert(row: Record<string, unknown>): Promise<void> {
      const columns = Object.keys(row);
      await insertRows(db, 'receiving.goods_receipt', columns, [columns.map((c) => row[c])]);
    },
    async insertLines(rows: Record<string, unknown>[]): Promise<void> {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]);
      await insertRows(db, 'receiving.goods_receipt_line', columns, rows.map((r) => columns.map((c) => r[c])));
    },
    async insertUnits(orgId: string, receiptId: string, units: { lineId: string; productId: string; serial: string }[]): Promise<void> {
      if (!units.length) return;
      await insertRows(db, 'receiving.received_unit', ['org_id', 'receipt_id', 'line_id', 'product_id', 'serial'], units.map((u) => [orgId, receiptId, u.lineId, u.productId, u.serial]));
    },
    async insertLinks(rows: unknown[][]): Promise<void> {
      if (!rows.length) return;
      await insertRows(db, 'receiving.aggregation', ['org_id', 'receipt_id', 'parent_sscc', 'child_kind', 'child_sscc', 'product_id', 'lot', 'serial'], rows);
    },
    async get(orgId: string, id: string): Promise<DocumentRow | undefined> {
      return (await db.query<DocumentRow>(
        'SELECT * FROM receiving.goods_receipt WHERE org_id = $1 AND id = $2', [orgId, id],
      )).rows[0];
    },
    async lines(orgId: string, receiptId: string): Promise<ReceiptLineRow[]> {
      return (await db.query<ReceiptLineRow>(
        `SELECT * FROM receiving.goods_receipt_line WHERE org_id = $1 AND receipt_id = $2 ORDER BY line_no`, [orgId, receiptId],
      )).rows;
    },
    /** Serials per receipt line. */
    async serials(orgId: string, receiptId: string): Promise<Map<string, string[]>> {
      const rows = (await db.query<{ line_id: string; serial: string }>(
        'SELECT line_id, serial FROM receiving.received_unit WHERE org_id = $1 AND receipt_id = $2 ORDER BY line_id, serial', [orgId, receiptId],
      )).rows;
      const map = new Map<string, string[]>();
      for (const row of rows) (map.get(row.line_id) ?? map.set(row.line_id, []).get(row.line_id)!).push(row.serial);
      return map;
    },
    /** Quantity already received (posted receipts) per order line. */
    async receivedBefore(orgId: string, orderLineIds: string[]): Promise<Map<string, string>> {
      const rows = (await db.query<{ order_line_id: string; quantity: string }>(
        `SELECT l.order_line_id, sum(l.quantity)::text AS quantity FROM receiving.goods_receipt_line l
           JOIN receiving.goods_receipt r ON r.org_id = l.org_id AND r.id = l.receipt_id
          WHERE l.org_id = $1 AND l.order_line_id = ANY($2) AND r.status = 'received' GROUP BY l.order_line_id`, [orgId, orderLineIds],
      )).rows;
      return new Map(rows.map((r) => [r.order_line_id, r.quantity]));
    },
    async setEvent(orgId: string, id: string, eventId: string): Promise<void> {
      await db.query('UPDATE receiving.goods_receipt SET event_id = $3 WHERE org_id = $1 AND id = $2', [orgId, id, eventId]);
    },
    async list(orgId: string, filter: { status?: string; purchaseOrderId?: string; limit: number; offset: number }): Promise<{ rows: DocumentRow[]; total: number }> {
      const where = 'org_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR purchase_order_id = $3)';
      const params = [orgId, filter.status ?? null, filter.purchaseOrderId ?? null];
      const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM receiving.goods_receipt WHERE ${where}`, params)).rows[0].n;
      const rows = (await db.query<DocumentRow>(
        `SELECT * FROM receiving.goods_receipt WHERE ${where} ORDER BY number DESC LIMIT $4 OFFSET $5`,
        [...params, filter.limit, filter.offset],
      )).rows;
      return { rows, total };
    },
  };
}
