import type { Queryable } from '../../../platform/db/db.ts';
import { constraintErrors } from '../../../platform/errors.ts';
import type { LocationFacts, MovementLine, ProductStorage } from './ledger.rules.ts';

/** The canonical text of one movement, hashed into its event's digest (same expression in verify). */
export const MOVEMENT_CANONICAL = `concat_ws('|', id, product_id, lot, serial, coalesce(expiry::text, ''), location_id, status, quantity::text)`;

export interface EventRow {
  id: string;
  eventType: string;
  action: string | null;
  bizStep: string;
  disposition: string | null;
  eventTime: Date;
  readPoint: string | null;
  bizLocation: string | null;
  bizTransactions: { type: string; bizTransaction: string }[];
  what: unknown;
  sourceType: string;
  sourceId: string;
  commandId: string;
}

function arrays(lines: MovementLine[]) {
  return [
    lines.map((l) => l.productId), lines.map((l) => l.lot), lines.map((l) => l.serial), lines.map((l) => l.expiry),
    lines.map((l) => l.locationId), lines.map((l) => l.status), lines.map((l) => l.quantity), lines.map((l) => l.sourceLine ?? null),
  ];
}

const LINES = `SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::numeric[], $9::text[])
  WITH ORDINALITY AS l(product_id, lot, serial, expiry, location_id, status, quantity, source_line, n)`;

export function ledgerRepo(db: Queryable) {
  return {
    async locations(orgId: string, ids: string[]): Promise<LocationFacts[]> {
      return (await db.query<LocationFacts>(
        `SELECT id, code, statuses, temp_min AS "tempMin", temp_max AS "tempMax", humidity_min AS "humidityMin", humidity_max AS "humidityMax",
                light_protected AS "lightProtected", active FROM inventory.location WHERE org_id = $1 AND id = ANY($2)`,
        [orgId, ids],
      )).rows;
    },
    async products(orgId: string, ids: string[]): Promise<(ProductStorage & { udiDi: string | null })[]> {
      return (await db.query<ProductStorage & { udiDi: string | null }>(
        `SELECT id, name, tracking, storage_temp_min AS "storageTempMin", storage_temp_max AS "storageTempMax", humidity_min AS "humidityMin",
                humidity_max AS "humidityMax", light_protection AS "lightProtection", udi_di AS "udiDi"
           FROM master_data.product WHERE org_id = $1 AND id = ANY($2)`,
        [orgId, ids],
      )).rows;
    },
    /** The expiry of each lot already in stock (a lot's expiry travels with it from bin to bin). */
    async lotExpiries(orgId: string, keys: { productId: string; lot: string }[]): Promise<Map<string, string>> {
      const rows = (await db.query<{ product_id: string; lot: string; expiry: string }>(
        `SELECT b.product_id, b.lot, max(b.expiry)::text AS expiry FROM inventory.balance b
           JOIN unnest($2::text[], $3::text[]) k(product_id, lot) ON k.product_id = b.product_id AND k.lot = b.lot
          WHERE b.org_id = $1 AND b.expiry IS NOT NULL GROUP BY b.product_id, b.lot`,
        [orgId, keys.map((k) => k.productId), keys.map((k) => k.lot)],
      )).rows;
      return new Map(rows.map((r) => [`${r.product_id}|${r.lot}`, r.expiry]));
    },
    /**
     * Writes the movements, their event (with count and digest) and the balances in three statements.
     * Decrements go first so a serial leaving one place is gone before it arrives at the next: the
     * one-place index is checked row by row, not at commit.
     */
    async post(orgId: string, event: EventRow, lines: MovementLine[], at: Date): Promise<void> {
      const params = [orgId, ...arrays(lines)];
      await db.query(
        `WITH lines AS (${LINES}),
         ins AS (
           INSERT INTO inventory.movement (org_id, product_id, lot, serial, expiry, location_id, status, quantity, source_type, source_id, source_line, event_id, command_id, at)
           SELECT $1, product_id, lot, serial, expiry, location_id, status, quantity, $10, $11, source_line, $12, $13, $14 FROM lines ORDER BY n
           RETURNING id, product_id, lot, serial, expiry, location_id, status, quantity)
         INSERT INTO inventory.event (org_id, id, event_type, action, biz_step, disposition, event_time, read_point, biz_location, biz_transactions, what,
           source_type, source_id, command_id, movements_count, movements_digest)
         SELECT $1, $12, $15, $16, $17, $18, $14, $19, $20, $21, $22, $10, $11, $13, count(*),
                encode(sha256(convert_to(string_agg(${MOVEMENT_CANONICAL}, E'\\n' ORDER BY id), 'UTF8')), 'hex')
           FROM ins`,
        [...params, event.sourceType, event.sourceId, event.id, event.commandId, at, event.eventType, event.action, event.bizStep, event.disposition,
          event.readPoint, event.bizLocation, JSON.stringify(event.bizTransactions), JSON.stringify(event.what)],
      );
      // Decrements update existing balances only (an upsert would check its negative proposal first):
      // a key with no balance, or too little, is stock that is not there.
      const decrements = await db.query<{ groups: number; updated: number }>(
        `WITH g AS (SELECT product_id, lot, serial, location_id, status, sum(quantity) AS quantity FROM (${LINES}) l
                     GROUP BY product_id, lot, serial, location_id, status HAVING sum(quantity) < 0),
              u AS (UPDATE inventory.balance b SET quantity = b.quantity + g.quantity, updated_at = $10
                      FROM g WHERE b.org_id = $1 AND b.product_id = g.product_id AND b.lot = g.lot AND b.serial = g.serial
                       AND b.location_id = g.location_id AND b.status = g.status RETURNING 1)
         SELECT (SELECT count(*) FROM g)::int AS groups, (SELECT count(*) FROM u)::int AS updated`,
        [...params, at],
      );
      if (decrements.rows[0].groups !== decrements.rows[0].updated) throw constraintErrors.balance_not_negative();
      await db.query(
        `INSERT INTO inventory.balance (org_id, product_id, lot, serial, location_id, status, expiry, quantity, updated_at)
         SELECT $1, product_id, lot, serial, location_id, status, max(expiry), sum(quantity), $10 FROM (${LINES}) l
          GROUP BY product_id, lot, serial, location_id, status HAVING sum(quantity) > 0
         ON CONFLICT (org_id, product_id, lot, serial, location_id, status)
         DO UPDATE SET quantity = inventory.balance.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at,
                       expiry = coalesce(inventory.balance.expiry, EXCLUDED.expiry)`,
        [...params, at],
      );
      // Emptied balances go: the projection holds stock, the ledger holds history.
      await db.query(
        `DELETE FROM inventory.balance b USING (${LINES}) l
          WHERE b.org_id = $1 AND b.quantity = 0 AND b.product_id = l.product_id AND b.lot = l.lot AND b.serial = l.serial
            AND b.location_id = l.location_id AND b.status = l.status`,
        params,
      );
    },
  };
}
