import { z } from 'zod';
import { addDays } from '../../../platform/calendar.ts';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import { qualityStatuses, type QualityStatus } from '../ledger/cbv.ts';
import { postStock } from '../ledger/ledger.ts';

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
    const rows = await ctx.repo((db) => db.query(
      `SELECT b.product_id AS "productId", p.name AS "productName", p.model, p.udi_di AS "udiDi", b.lot, b.serial, b.expiry, b.location_id AS "locationId",
              l.code AS "locationCode", b.status, b.quantity
         FROM inventory.balance b
         JOIN master_data.product p ON p.org_id = b.org_id AND p.id = b.product_id
         JOIN inventory.location l ON l.org_id = b.org_id AND l.id = b.location_id
        WHERE b.org_id = $1 AND ($2::text IS NULL OR b.product_id = $2) AND ($3::text IS NULL OR b.lot = $3) AND ($4::text IS NULL OR b.serial = $4)
          AND ($5::text IS NULL OR b.location_id = $5) AND ($6::text IS NULL OR b.status = $6) AND ($7::date IS NULL OR b.expiry <= $7)
        ORDER BY p.name, b.lot, b.serial, l.code LIMIT $8 OFFSET $9`,
      [ctx.orgId, input.productId ?? null, input.lot ?? null, input.serial ?? null, input.locationId ?? null, input.status ?? null, until, input.limit, input.offset],
    ));
    return { items: rows.rows };
  },
});

/** The stock card: the full history of one lot or serial, movement by movement, with the step and the document. */
export const stockCard = defineQuery({
  name: 'inventory.stock_card.get',
  permission: 'inventory.stock.read',
  summary: { 'zh-CN': '库存卡（批号/序列号全部流水）', en: 'Stock card of a lot or serial' },
  input: z.strictObject({ productId: z.string().min(1).max(64), lot: z.string().max(20).default(''), serial: z.string().max(20).optional() }),
  async handler(ctx, input) {
    const rows = await ctx.repo((db) => db.query(
      `SELECT m.id, m.at, m.lot, m.serial, m.expiry, m.location_id AS "locationId", l.code AS "locationCode", m.status, m.quantity,
              m.source_type AS "sourceType", m.source_id AS "sourceId", m.source_line AS "sourceLine", e.biz_step AS "bizStep", e.disposition,
              c.actor_name AS "actorName", c.reason
         FROM inventory.movement m
         JOIN inventory.location l ON l.org_id = m.org_id AND l.id = m.location_id
         JOIN inventory.event e ON e.org_id = m.org_id AND e.id = m.event_id
         LEFT JOIN audit.command_log c ON c.id = m.command_id
        WHERE m.org_id = $1 AND m.product_id = $2 AND m.lot = $3 AND ($4::text IS NULL OR m.serial = $4)
        ORDER BY m.id`,
      [ctx.orgId, input.productId, input.lot, input.serial ?? null],
    ));
    return { items: rows.rows };
  },
});

/**
 * Expired stock is locked automatically (CN-SYS-09): every status that could still move (待验, 合格,
 * 暂控, 退货) becomes 过期 where it lies, so allocation, picking and shipping find nothing to take.
 */
export const sweepStockExpiry = defineCommand({
  name: 'inventory.expiry.sweep',
  summary: { 'zh-CN': '过期库存自动锁定', en: 'Lock expired stock' },
  access: 'system',
  input: z.strictObject({}),
  async handler(ctx) {
    const expired = (await ctx.repo((db) => db.query<{ product_id: string; lot: string; serial: string; location_id: string; status: string; quantity: string; expiry: string }>(
      `SELECT product_id, lot, serial, location_id, status, quantity::text, expiry::text FROM inventory.balance
        WHERE org_id = $1 AND expiry < $2 AND status IN ('quarantine', 'released', 'hold', 'returned') AND quantity > 0`,
      [ctx.orgId, ctx.today],
    ))).rows;
    if (expired.length === 0) return { locked: 0 };
    const lines = expired.flatMap((b) => [
      { productId: b.product_id, lot: b.lot, serial: b.serial, expiry: b.expiry, locationId: b.location_id, status: b.status as QualityStatus, quantity: `-${b.quantity}` },
      { productId: b.product_id, lot: b.lot, serial: b.serial, expiry: b.expiry, locationId: b.location_id, status: 'expired' as const, quantity: b.quantity },
    ]);
    // An expired lot stays where it is: the lock is its status, so the bin check does not apply here.
    const result = await postStock(ctx, { step: 'expire', sourceType: 'inventory.expiry', sourceId: ctx.commandId, lines, skipLocationCheck: true });
    ctx.emit('inventory.stock.expired', { eventId: result.eventId, balances: expired.length });
    return { locked: expired.length, eventId: result.eventId };
  },
});
