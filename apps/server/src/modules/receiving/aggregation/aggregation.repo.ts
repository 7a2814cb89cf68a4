import type { Queryable } from '../../../platform/db/db.ts';

/** SQL of SSCC parent → child links: down from a pallet to its units, up from a unit to its pallet. */
export function aggregationRepo(db: Queryable) {
  return {
    async contents(orgId: string, sscc: string) {
      return (await db.query<{ parent_sscc: string; child_kind: string; child_sscc: string; product_id: string; lot: string; serial: string; depth: number }>(
        `WITH RECURSIVE down AS (
           SELECT a.*, 1 AS depth FROM receiving.aggregation a WHERE a.org_id = $1 AND a.parent_sscc = $2
           UNION ALL
           SELECT a.*, d.depth + 1 FROM receiving.aggregation a JOIN down d ON d.child_kind = 'sscc' AND a.org_id = d.org_id AND a.parent_sscc = d.child_sscc
            WHERE d.depth < 10)
         SELECT parent_sscc, child_kind, child_sscc, product_id, lot, serial, depth FROM down ORDER BY depth, parent_sscc, child_sscc, serial`,
        [orgId, sscc],
      )).rows;
    },
    async containers(orgId: string, start: { sscc?: string; productId?: string; serial?: string }) {
      return (await db.query<{ parent_sscc: string; receipt_id: string; depth: number }>(
        `WITH RECURSIVE up AS (
           SELECT a.parent_sscc, a.receipt_id, 1 AS depth FROM receiving.aggregation a
            WHERE a.org_id = $1 AND (($2::text IS NOT NULL AND a.child_kind = 'sscc' AND a.child_sscc = $2)
                                  OR ($3::text IS NOT NULL AND a.child_kind = 'serial' AND a.product_id = $3 AND a.serial = $4))
           UNION ALL
           SELECT a.parent_sscc, a.receipt_id, u.depth + 1 FROM receiving.aggregation a JOIN up u ON a.org_id = $1 AND a.child_kind = 'sscc' AND a.child_sscc = u.parent_sscc
            WHERE u.depth < 10)
         SELECT DISTINCT parent_sscc, receipt_id, depth FROM up ORDER BY depth`,
        [orgId, start.sscc ?? null, start.productId ?? null, start.serial ?? null],
      )).rows;
    },
  };
}
