import type { Queryable } from '../../../platform/db/db.ts';

export interface PurchaseRecordFilter {
  from?: string;
  to?: string;
  supplierId?: string;
  productId?: string;
  direct?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

export interface PurchaseRecordRow {
  order_id: string;
  order_number: string;
  order_date: string;
  status: string;
  approved_at: Date | null;
  supplier_id: string;
  supplier_name: string;
  direct: boolean;
  direct_reason: string | null;
  direct_customer_name: string | null;
  line_no: number;
  product_id: string;
  product_name: string;
  product_model: string;
  registrant: string;
  registration_no: string;
  unit: string;
  quantity: string;
  unit_price: string;
  amount: string;
}

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** 采购记录 (F-CN-4): one row per line of an approved or closed order. */
export function purchaseRecordRepo(db: Queryable) {
  return {
    async list(orgId: string, filter: PurchaseRecordFilter): Promise<{ rows: PurchaseRecordRow[]; total: number }> {
      const where = `o.org_id = $1 AND o.status IN ('approved', 'closed')
        AND ($2::date IS NULL OR o.order_date >= $2::date) AND ($3::date IS NULL OR o.order_date <= $3::date)
        AND ($4::text IS NULL OR o.supplier_id = $4) AND ($5::text IS NULL OR l.product_id = $5) AND ($6::boolean IS NULL OR o.direct = $6)
        AND ($7::text IS NULL OR o.number ILIKE $7 OR o.supplier_name ILIKE $7 OR l.product_name ILIKE $7 OR l.registration_no ILIKE $7)`;
      const from = `FROM purchasing.purchase_order o JOIN purchasing.purchase_order_line l ON l.org_id = o.org_id AND l.order_id = o.id`;
      const params = [orgId, filter.from ?? null, filter.to ?? null, filter.supplierId ?? null, filter.productId ?? null, filter.direct ?? null, filter.q ? escapeLike(filter.q) : null];
      const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} WHERE ${where}`, params)).rows[0].n;
      const rows = (await db.query<PurchaseRecordRow>(
        `SELECT o.id AS order_id, o.number AS order_number, o.order_date, o.status, o.approved_at, o.supplier_id, o.supplier_name,
                o.direct, o.direct_reason, o.direct_customer_name, l.line_no, l.product_id, l.product_name, l.product_model,
                l.registrant, l.registration_no, l.unit, l.quantity, l.unit_price, l.amount
           ${from} WHERE ${where}
          ORDER BY o.order_date DESC, o.number DESC, l.line_no LIMIT $8 OFFSET $9`,
        [...params, filter.limit, filter.offset],
      )).rows;
      return { rows, total };
    },
  };
}
