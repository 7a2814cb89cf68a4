import type { Queryable } from '../../platform/db/db.ts';

/** Multi-row INSERT in chunks (PostgreSQL allows 65,535 parameters per statement). */
export async function insertRows(db: Queryable, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const per = Math.max(1, Math.floor(60_000 / columns.length));
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const base = params.length;
      params.push(...row);
      return `(${row.map((_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

export interface BinFacts {
  id: string;
  code: string;
  zone: string;
  warehouseId: string;
  statuses: string[];
}

/** Bins and master-data facts receiving reads (inventory and master data own the tables; reads only). */
export function receivingFactsRepo(db: Queryable) {
  return {
    async bin(orgId: string, id: string): Promise<BinFacts | undefined> {
      return (await db.query<BinFacts>(
        `SELECT id, code, zone, warehouse_id AS "warehouseId", statuses FROM inventory.location WHERE org_id = $1 AND id = $2 AND active`, [orgId, id],
      )).rows[0];
    },
    /** The rejected bin of the same warehouse (不合格品区), first by code. */
    async rejectBin(orgId: string, warehouseId: string): Promise<BinFacts | undefined> {
      return (await db.query<BinFacts>(
        `SELECT id, code, zone, warehouse_id AS "warehouseId", statuses FROM inventory.location
          WHERE org_id = $1 AND warehouse_id = $2 AND zone = 'rejected' AND active AND 'rejected' = ANY(statuses) ORDER BY code LIMIT 1`, [orgId, warehouseId],
      )).rows[0];
    },
    async products(orgId: string, ids: string[]) {
      const rows = (await db.query<{ id: string; name: string; udiDi: string | null; tracking: 'lot' | 'serial' | 'lot_serial'; storageTempMin: string | null; storageTempMax: string | null; packages: { udiDi: string; quantity: number }[] | null }>(
        `SELECT p.id, p.name, p.udi_di AS "udiDi", p.tracking, p.storage_temp_min::text AS "storageTempMin", p.storage_temp_max::text AS "storageTempMax",
                (SELECT json_agg(json_build_object('udiDi', k.udi_di, 'quantity', k.quantity)) FROM master_data.product_package k
                  WHERE k.org_id = p.org_id AND k.product_id = p.id AND k.udi_di IS NOT NULL AND k.udi_di IS DISTINCT FROM p.udi_di) AS packages
           FROM master_data.product p WHERE p.org_id = $1 AND p.id = ANY($2)`, [orgId, ids],
      )).rows;
      return new Map(rows.map((r) => [r.id, { ...r, packages: r.packages ?? [] }]));
    },
  };
}
