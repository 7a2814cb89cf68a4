import type { Queryable } from '../../../platform/db/db.ts';
import { MOVEMENT_CANONICAL } from './ledger.repo.ts';

export interface InventoryReport {
  ok: boolean;
  movements: number;
  balances: number;
  events: number;
  /** Balances that differ from the sum of the ledger (first 20). */
  differences: { productId: string; lot: string; serial: string; locationId: string; status: string; ledger: string; balance: string }[];
  /** Events whose movements no longer match the count and digest sealed with them (first 20). */
  alteredEvents: { eventId: string; what: string }[];
}

/**
 * Recomputes every balance from the ledger and every event's movement digest. A difference means the
 * projection drifted or the ledger was altered outside the write path.
 */
export async function verifyInventory(db: Queryable): Promise<InventoryReport> {
  const differences = (await db.query<InventoryReport['differences'][number]>(
    `WITH ledger AS (
       SELECT org_id, product_id, lot, serial, location_id, status, sum(quantity) AS quantity FROM inventory.movement
        GROUP BY org_id, product_id, lot, serial, location_id, status)
     SELECT coalesce(l.product_id, b.product_id) AS "productId", coalesce(l.lot, b.lot) AS lot, coalesce(l.serial, b.serial) AS serial,
            coalesce(l.location_id, b.location_id) AS "locationId", coalesce(l.status, b.status) AS status,
            coalesce(l.quantity, 0)::text AS ledger, coalesce(b.quantity, 0)::text AS balance
       FROM ledger l FULL JOIN inventory.balance b USING (org_id, product_id, lot, serial, location_id, status)
      WHERE coalesce(l.quantity, 0) <> coalesce(b.quantity, 0)
      LIMIT 20`,
  )).rows;
  const alteredEvents = (await db.query<{ eventId: string; what: string }>(
    `WITH recomputed AS (
       SELECT org_id, event_id, count(*) AS n, encode(sha256(convert_to(string_agg(${MOVEMENT_CANONICAL}, E'\\n' ORDER BY id), 'UTF8')), 'hex') AS digest
         FROM inventory.movement GROUP BY org_id, event_id)
     SELECT e.id AS "eventId",
            CASE WHEN r.event_id IS NULL THEN 'its movements are gone'
                 WHEN r.n <> e.movements_count THEN 'movements were added or deleted (' || r.n || ' found, ' || e.movements_count || ' sealed)'
                 ELSE 'a movement was altered' END AS what
       FROM inventory.event e LEFT JOIN recomputed r ON r.org_id = e.org_id AND r.event_id = e.id
      WHERE r.event_id IS NULL OR r.n <> e.movements_count OR r.digest <> e.movements_digest
     UNION ALL
     SELECT r.event_id, 'movements without a sealed event' FROM recomputed r
      WHERE NOT EXISTS (SELECT 1 FROM inventory.event e WHERE e.org_id = r.org_id AND e.id = r.event_id)
     LIMIT 20`,
  )).rows;
  const counts = (await db.query<{ movements: number; balances: number; events: number }>(
    `SELECT (SELECT count(*) FROM inventory.movement)::int AS movements, (SELECT count(*) FROM inventory.balance)::int AS balances,
            (SELECT count(*) FROM inventory.event)::int AS events`,
  )).rows[0];
  return { ok: differences.length === 0 && alteredEvents.length === 0, ...counts, differences, alteredEvents };
}
