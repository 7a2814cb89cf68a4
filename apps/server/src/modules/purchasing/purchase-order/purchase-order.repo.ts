import type { Queryable } from '../../../platform/db/db.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import { newId } from '../../../platform/ids.ts';
import type { OrderLine, PartySnapshot, ProductSnapshot } from './purchase-order.model.ts';

interface LineRow {
  id: string;
  line_no: number;
  product_id: string;
  product_name: string;
  product_model: string;
  registrant: string;
  registration_no: string;
  device_class: 'I' | 'II' | 'III';
  unit: string;
  quantity: string;
  unit_price: string;
  amount: string;
}

const toLine = (row: LineRow): OrderLine => ({
  id: row.id, lineNo: row.line_no, productId: row.product_id, productName: row.product_name, productModel: row.product_model, registrant: row.registrant,
  registrationNo: row.registration_no, deviceClass: row.device_class, unit: row.unit, quantity: row.quantity, unitPrice: row.unit_price, amount: row.amount,
});

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface OrderFilter {
  status?: string;
  supplierId?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** SQL of purchase orders and their lines, and the master data an order copies. */
export function purchaseOrderRepo(db: Queryable) {
  return {
    async party(orgId: string, id: string): Promise<PartySnapshot | undefined> {
      return (await db.query<PartySnapshot>(
        'SELECT id, name, address, contact, phone, kinds FROM master_data.party WHERE org_id = $1 AND id = $2', [orgId, id],
      )).rows[0];
    },

    /** Products with the name of their unit packaging level (level 0), keyed by id. */
    async products(orgId: string, ids: string[]): Promise<Map<string, ProductSnapshot>> {
      const rows = (await db.query<ProductSnapshot>(
        `SELECT p.id, p.name, p.model, p.registrant, p.registration_no AS "registrationNo", p.device_class AS "deviceClass", pk.name AS "packageUnit"
           FROM master_data.product p
           LEFT JOIN master_data.product_package pk ON pk.org_id = p.org_id AND pk.product_id = p.id AND pk.level = 0
          WHERE p.org_id = $1 AND p.id = ANY($2)`,
        [orgId, ids],
      )).rows;
      return new Map(rows.map((row) => [row.id, row]));
    },

    async insert(row: Record<string, unknown>): Promise<void> {
      const columns = Object.keys(row);
      await db.query(
        `INSERT INTO purchasing.purchase_order (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => row[c]),
      );
    },

    /** A new version of a draft's content. */
    async update(orgId: string, id: string, fields: Record<string, unknown>, now: Date): Promise<void> {
      const columns = Object.keys(fields);
      await db.query(
        `UPDATE purchasing.purchase_order SET version = version + 1, updated_at = $3${columns.map((c, i) => `, ${c} = $${i + 4}`).join('')}
          WHERE org_id = $1 AND id = $2`,
        [orgId, id, now, ...columns.map((c) => fields[c])],
      );
    },

    /** Replaces every line of an order in one statement each way (the audit trail keeps the old ones). */
    async replaceLines(orgId: string, orderId: string, lines: OrderLine[], now: Date): Promise<void> {
      await db.query('DELETE FROM purchasing.purchase_order_line WHERE org_id = $1 AND order_id = $2', [orgId, orderId]);
      const params: unknown[] = [];
      const values = lines.map((line) => {
        const row = [orgId, newId('pol'), orderId, line.lineNo, line.productId, line.productName, line.productModel, line.registrant,
          line.registrationNo, line.deviceClass, line.unit, line.quantity, line.unitPrice, line.amount, now];
        const start = params.length;
        params.push(...row);
        return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
      });
      await db.query(
        `INSERT INTO purchasing.purchase_order_line (org_id, id, order_id, line_no, product_id, product_name, product_model, registrant,
           registration_no, device_class, unit, quantity, unit_price, amount, created_at) VALUES ${values.join(', ')}`,
        params,
      );
    },

    async lines(orgId: string, orderId: string): Promise<OrderLine[]> {
      return (await db.query<LineRow>(
        'SELECT * FROM purchasing.purchase_order_line WHERE org_id = $1 AND order_id = $2 ORDER BY line_no', [orgId, orderId],
      )).rows.map(toLine);
    },

    async get(orgId: string, id: string): Promise<DocumentRow | undefined> {
      return (await db.query<DocumentRow>('SELECT * FROM purchasing.purchase_order WHERE org_id = $1 AND id = $2', [orgId, id])).rows[0];
    },

    async list(orgId: string, filter: OrderFilter): Promise<{ rows: DocumentRow[]; total: number }> {
      const where = `o.org_id = $1 AND ($2::text IS NULL OR o.status = $2) AND ($3::text IS NULL OR o.supplier_id = $3)
        AND ($4::text IS NULL OR o.number ILIKE $4 OR o.supplier_name ILIKE $4 OR o.note ILIKE $4 OR EXISTS (
              SELECT 1 FROM purchasing.purchase_order_line l WHERE l.org_id = o.org_id AND l.order_id = o.id
                 AND (l.product_name ILIKE $4 OR l.registration_no ILIKE $4 OR l.product_model ILIKE $4)))`;
      const params = [orgId, filter.status ?? null, filter.supplierId ?? null, filter.q ? escapeLike(filter.q) : null];
      const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM purchasing.purchase_order o WHERE ${where}`, params)).rows[0].n;
      const rows = (await db.query<DocumentRow>(
        `SELECT o.* FROM purchasing.purchase_order o WHERE ${where} ORDER BY o.number DESC LIMIT $5 OFFSET $6`,
        [...params, filter.limit, filter.offset],
      )).rows;
      return { rows, total };
    },

    async setCancelReason(orgId: string, id: string, reason: string | null): Promise<void> {
      await db.query('UPDATE purchasing.purchase_order SET cancel_reason = $3 WHERE org_id = $1 AND id = $2', [orgId, id, reason]);
    },
  };
}
