import { z } from 'zod';
import { addDays } from '../../../platform/calendar.ts';
import { defineCommand, defineQuery, type CommandContext } from '../../../platform/bus/definitions.ts';
import { qualityStatuses, type QualityStatus } from '../ledger/cbv.ts';
import { postStock } from '../ledger/ledger.ts';
import { newId } from '../../../platform/ids.ts';
import { ruleInForce } from '../../qualification/index.ts';

export const listBalances = defineQuery({
  name: 'inventory.balance.list',
  permission: 'inventory.stock.read',
  summary: { 'zh-CN': '库存（按产品/批号/序列号/货位/状态）', en: 'Stock by product, lot, serial, location and status' },
  input: z.strictObject({
    productId: z.string().max(64).optional(),
    lot: z.string().max(20).optional(),
    serial: z.string().max(20).optional(),
    locationId: z.string().max(64).optional(),
    status: z.enum(qualityStatuses).optional(),
    expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  async handler(ctx, input) {
    const until = input.expiringWithinDays === undefined ? null : addDays(ctx.today, input.expiringWithinDays);
    const filter = `b.org_id = $1 AND ($2::text IS NULL OR b.product_id = $2) AND ($3::text IS NULL OR b.lot = $3) AND ($4::text IS NULL OR b.serial = $4)
          AND ($5::text IS NULL OR b.location_id = $5) AND ($6::text IS NULL OR b.status = $6) AND ($7::date IS NULL OR b.expiry <= $7)`;
    const params = [ctx.orgId, input.productId ?? null, input.lot ?? null, input.serial ?? null, input.locationId ?? null, input.status ?? null, until];
    const total = (await ctx.repo((db) => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory.balance b WHERE ${filter}`, params))).rows[0].n;
    const rows = await ctx.repo((db) => db.query(
      `SELECT b.product_id AS "productId", p.name AS "productName", p.model, p.udi_di AS "udiDi", b.lot, b.serial, b.expiry, b.location_id AS "locationId",
              l.code AS "locationCode", b.status, b.quantity
         FROM inventory.balance b
         JOIN master_data.product p ON p.org_id = b.org_id AND p.id = b.product_id
         JOIN inventory.location l ON l.org_id = b.org_id AND l.id = b.location_id
        WHERE ${filter}
        ORDER BY p.name, b.lot, b.serial, l.code LIMIT $8 OFFSET $9`,
      [...params, input.limit, input.offset],
    ));
    return { items: rows.rows, total };
  },
});

/** The stock card: the full history of one lot or serial, movement by movement, with the step and the document. */
export const stockCard = defineQuery({
  name: 'inventory.stock_card.get',
  permission: 'inventory.stock.read',
  summary: { 'zh-CN': '库存卡（批号/序列号全部流水）', en: 'Stock card of a lot or serial' },
  // A serial alone identifies the unit; a lot alone gives the whole lot.
  input: z.strictObject({ productId: z.string().min(1).max(64), lot: z.string().max(20).optional(), serial: z.string().max(20).optional() }),
  async handler(ctx, input) {
    const rows = await ctx.repo((db) => db.query(
      `SELECT m.id, m.at, m.lot, m.serial, m.expiry, m.location_id AS "locationId", l.code AS "locationCode", m.status, m.quantity,
              m.source_type AS "sourceType", m.source_id AS "sourceId", m.source_line AS "sourceLine", e.biz_step AS "bizStep", e.disposition,
              c.actor_name AS "actorName", c.reason
         FROM inventory.movement m
         JOIN inventory.location l ON l.org_id = m.org_id AND l.id = m.location_id
         JOIN inventory.event e ON e.org_id = m.org_id AND e.id = m.event_id
         LEFT JOIN audit.command_log c ON c.id = m.command_id
        WHERE m.org_id = $1 AND m.product_id = $2 AND ($3::text IS NULL OR m.lot = $3) AND ($4::text IS NULL OR m.serial = $4)
        ORDER BY m.id`,
      [ctx.orgId, input.productId, input.lot ?? null, input.serial ?? null],
    ));
    return { items: rows.rows };
  },
});

/** Warning window when no `stock_near_expiry` rule is in force (CN-SYS-09). */
export const DEFAULT_NEAR_EXPIRY_DAYS = 90;

/**
 * The hourly stock expiry sweep (CN-SYS-09).
 * - Near expiry: every product + lot + expiry with movable stock that expires within N days (rule
 *   `stock_near_expiry`, params {days}, default 90) is announced once — `inventory.stock.near_expiry`,
 *   remembered in `inventory.expiry_notice` so the next run stays silent.
 * - Expired: every status that could still move (待验, 合格, 暂控, 退货) becomes 过期 where it lies, so
 *   allocation, picking and shipping find nothing to take.
 */
export const sweepStockExpiry = defineCommand({
  name: 'inventory.expiry.sweep',
  summary: { 'zh-CN': '库存效期巡检（近效期预警、过期锁定）', en: 'Stock expiry sweep (near-expiry warning, expired lock)' },
  access: 'system',
  input: z.strictObject({}),
  async handler(ctx) {
    const rule = await ctx.repo((db) => ruleInForce(db, ctx.orgId, 'stock_near_expiry', ctx.today));
    const configured = rule?.params.days;
    const days = typeof configured === 'number' && Number.isInteger(configured) && configured >= 0 ? configured : DEFAULT_NEAR_EXPIRY_DAYS;
    // A rule version with enabled = false switches the warning off; no rule at all means the default window.
    const warned: number = rule && !rule.enabled ? 0 : await announceNearExpiry(ctx, days);
    const expired = (await ctx.repo((db) => db.query<{ product_id: string; lot: string; serial: string; location_id: string; status: string; quantity: string; expiry: string }>(
      `SELECT product_id, lot, serial, location_id, status, quantity::text, expiry::text FROM inventory.balance
        WHERE org_id = $1 AND expiry < $2 AND status IN ('quarantine', 'released', 'hold', 'returned') AND quantity > 0`,
      [ctx.orgId, ctx.today],
    ))).rows;
    if (expired.length === 0) return { locked: 0, warned, warningDays: days };
    const lines = expired.flatMap((b) => [
      { productId: b.product_id, lot: b.lot, serial: b.serial, expiry: b.expiry, locationId: b.location_id, status: b.status as QualityStatus, quantity: `-${b.quantity}` },
      { productId: b.product_id, lot: b.lot, serial: b.serial, expiry: b.expiry, locationId: b.location_id, status: 'expired' as const, quantity: b.quantity },
    ]);
    // An expired lot stays where it is: the lock is its status, so the bin check does not apply here.
    const result = await postStock(ctx, { step: 'expire', sourceType: 'inventory.expiry', sourceId: ctx.commandId, lines, skipLocationCheck: true });
    ctx.emit('inventory.stock.expired', { eventId: result.eventId, balances: expired.length });
    return { locked: expired.length, warned, warningDays: days, eventId: result.eventId };
  },
});

async function announceNearExpiry(ctx: CommandContext, days: number): Promise<number> {
  const until = addDays(ctx.today, days);
  const lots = (await ctx.repo((db) => db.query<{ product_id: string; product_name: string; udi_di: string | null; lot: string; expiry: string; quantity: string; serials: number }>(
    `SELECT b.product_id, p.name AS product_name, p.udi_di, b.lot, b.expiry::text, sum(b.quantity)::text AS quantity, count(*) FILTER (WHERE b.serial <> '')::int AS serials
       FROM inventory.balance b
       JOIN master_data.product p ON p.org_id = b.org_id AND p.id = b.product_id
      WHERE b.org_id = $1 AND b.expiry >= $2 AND b.expiry <= $3 AND b.status IN ('quarantine', 'released', 'hold', 'returned') AND b.quantity > 0
        AND NOT EXISTS (SELECT 1 FROM inventory.expiry_notice n
                         WHERE n.org_id = b.org_id AND n.product_id = b.product_id AND n.lot = b.lot AND n.expiry = b.expiry AND n.kind = 'near_expiry')
      GROUP BY b.product_id, p.name, p.udi_di, b.lot, b.expiry
      ORDER BY b.expiry, p.name, b.lot`,
    [ctx.orgId, ctx.today, until],
  ))).rows;
  for (const lot of lots) {
    await ctx.repo((db) => db.query(
      `INSERT INTO inventory.expiry_notice (org_id, id, product_id, lot, expiry, kind, created_at) VALUES ($1, $2, $3, $4, $5, 'near_expiry', $6)`,
      [ctx.orgId, newId('sxn'), lot.product_id, lot.lot, lot.expiry, ctx.now],
    ));
    ctx.emit('inventory.stock.near_expiry', {
      productId: lot.product_id, productName: lot.product_name, udiDi: lot.udi_di, lot: lot.lot, expiry: lot.expiry,
      daysLeft: Math.round((Date.parse(`${lot.expiry}T00:00:00Z`) - Date.parse(`${ctx.today}T00:00:00Z`)) / 86_400_000),
      quantity: lot.quantity, serials: lot.serials, warningDays: days,
    });
  }
  return lots.length;
}
