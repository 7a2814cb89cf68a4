import { z } from 'zod';
import { defineCommand } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { qualityStatuses } from '../ledger/cbv.ts';
import { postStock } from '../ledger/ledger.ts';
import type { MovementLine } from '../ledger/ledger.rules.ts';

const quantity = z.union([z.number(), z.string().regex(/^-?\d{1,15}(\.\d{1,3})?$/)]).transform(String);
const item = z.strictObject({
  productId: z.string().min(1).max(64),
  lot: z.string().max(20).default(''),
  serial: z.string().max(20).default(''),
  locationId: z.string().min(1).max(64),
  quantity,
});
type Item = z.infer<typeof item>;

function positive(items: Item[]) {
  const bad = items.findIndex((i) => Number(i.quantity) <= 0);
  if (bad >= 0) throw errors.badRequest([{ path: `items.${bad}.quantity`, message: 'must be positive' }]);
}

/** Moving stock between statuses in place: out of one status, into the other, same bin. */
function statusChange(items: Item[], from: (typeof qualityStatuses)[number], to: (typeof qualityStatuses)[number], expiry = null): MovementLine[] {
  return items.flatMap((i, n) => [
    { productId: i.productId, lot: i.lot, serial: i.serial, expiry, locationId: i.locationId, status: from, quantity: `-${i.quantity}`, sourceLine: String(n) },
    { productId: i.productId, lot: i.lot, serial: i.serial, expiry, locationId: i.locationId, status: to, quantity: i.quantity, sourceLine: String(n) },
  ]);
}

/** Quality doubt (CN-INV-04): stock goes on hold where it lies, is blocked from shipping, and QA is notified. */
export const holdStock = defineCommand({
  name: 'inventory.stock.hold',
  summary: { 'zh-CN': '质量疑问暂控', en: 'Put stock on hold (quality doubt)' },
  reasonRequired: true,
  input: z.strictObject({ items: z.array(item).min(1).max(1000), from: z.enum(['released', 'quarantine']).default('released') }),
  async handler(ctx, input) {
    positive(input.items);
    const result = await postStock(ctx, { step: 'hold', sourceType: 'inventory.hold', sourceId: ctx.commandId, lines: statusChange(input.items, input.from, 'hold') });
    ctx.emit('inventory.stock.held', { eventId: result.eventId, reason: ctx.reason, items: input.items });
    return result;
  },
});

/** QA releases held stock (signed): back to 合格, or to 不合格 when the doubt is confirmed. */
export const releaseHold = defineCommand({
  name: 'inventory.stock.release_hold',
  summary: { 'zh-CN': '解除暂控（质量放行或判不合格）', en: 'Release a hold (QA decision)' },
  reasonRequired: true,
  signature: { meanings: ['released', 'rejected'] },
  input: z.strictObject({ items: z.array(item).min(1).max(1000) }),
  async handler(ctx, input) {
    positive(input.items);
    const to = ctx.signer?.meaning === 'rejected' ? 'rejected' : 'released';
    return postStock(ctx, { step: 'inspect', sourceType: 'inventory.release_hold', sourceId: ctx.commandId, lines: statusChange(input.items, 'hold', to) });
  },
});

/** Moves stock to another bin in the same status; the bin must keep the product's conditions (CN-INV-06). */
export const transferStock = defineCommand({
  name: 'inventory.stock.transfer',
  summary: { 'zh-CN': '移库', en: 'Transfer stock to another location' },
  input: z.strictObject({
    items: z.array(item).min(1).max(10000),
    status: z.enum(qualityStatuses),
    toLocationId: z.string().min(1).max(64),
  }),
  async handler(ctx, input) {
    positive(input.items);
    const lines: MovementLine[] = input.items.flatMap((i, n) => [
      { productId: i.productId, lot: i.lot, serial: i.serial, expiry: null, locationId: i.locationId, status: input.status, quantity: `-${i.quantity}`, sourceLine: String(n) },
      { productId: i.productId, lot: i.lot, serial: i.serial, expiry: null, locationId: input.toLocationId, status: input.status, quantity: i.quantity, sourceLine: String(n) },
    ]);
    return postStock(ctx, { step: 'transfer', sourceType: 'inventory.transfer', sourceId: ctx.commandId, lines });
  },
});

/**
 * A stock-take variance (CN-INV-05) posted as an adjustment: counted minus booked, with its cause,
 * approved with a signature. Also the only way opening balances enter the ledger.
 */
export const adjustStock = defineCommand({
  name: 'inventory.stock.adjust',
  summary: { 'zh-CN': '盘点差异调整', en: 'Post a stock-take variance' },
  reasonRequired: true,
  signature: { meanings: ['approved'] },
  input: z.strictObject({
    cause: z.string().trim().min(1).max(500),
    lines: z.array(z.strictObject({
      productId: z.string().min(1).max(64),
      lot: z.string().max(20).default(''),
      serial: z.string().max(20).default(''),
      expiry: z.iso.date().nullable().default(null),
      locationId: z.string().min(1).max(64),
      status: z.enum(qualityStatuses),
      quantity,
    })).min(1).max(10000),
  }),
  async handler(ctx, input) {
    return postStock(ctx, { step: 'count', sourceType: 'inventory.adjustment', sourceId: ctx.commandId, lines: input.lines.map((l, n) => ({ ...l, sourceLine: String(n) })) });
  },
});

export const stockCommands = [holdStock, releaseHold, transferStock, adjustStock];
