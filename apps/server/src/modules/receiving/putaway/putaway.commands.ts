import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import { AppError, errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/document/numbering.ts';
import { postStock } from '../../inventory/index.ts';
import { receivingFactsRepo } from '../shared.repo.ts';
import { createPutawayInput } from './putaway.model.ts';
import { computePutawayMovements } from './putaway.rules.ts';
import { putawayRepo } from './putaway.repo.ts';

export const createPutaway = defineCommand({
  name: 'receiving.putaway.create',
  summary: { 'zh-CN': '入库上架（合格品从收货区移入储存货位）', en: 'Put away released stock into a storage bin' },
  input: createPutawayInput,
  async handler(ctx, input) {
    const facts = ctx.repo(receivingFactsRepo);
    const fromIds = [...new Set(input.items.map((i) => i.fromLocationId))];
    const zones = new Map<string, string>();
    for (const id of fromIds) {
      const bin = await facts.bin(ctx.orgId, id);
      if (bin) zones.set(id, bin.zone);
    }
    const { lines, problems } = computePutawayMovements(input, zones);
    if (problems.length) {
      throw new AppError(422, 'PUTAWAY_REFUSED', { 'zh-CN': `入库被拒绝：${problems[0].zh}`, en: `Putaway refused: ${problems[0].message}` }, { errors: problems.map(({ path, message }) => ({ path, message })) });
    }
    const id = newId('pwy');
    const number = await nextNumber(ctx, 'PA');
    // The ledger checks the storage bin: statuses (CN-INV-01) and conditions against the product (CN-INV-06).
    const posted = await postStock(ctx, { step: 'store', sourceType: 'receiving.putaway', sourceId: id, lines });
    const products = await facts.products(ctx.orgId, [...new Set(input.items.map((i) => i.productId))]);
    await ctx.repo(putawayRepo).insert(
      { org_id: ctx.orgId, id, number, putaway_date: ctx.today, to_location_id: input.toLocationId, event_id: posted.eventId, status: 'posted', version: 1, created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now },
      input.items.map((item, index) => ({
        org_id: ctx.orgId, id: newId('pwl'), putaway_id: id, line_no: index + 1, product_id: item.productId,
        product_name: products.get(item.productId)?.name ?? item.productId, udi_di: products.get(item.productId)?.udiDi ?? null, lot: item.lot,
        serials: JSON.stringify(item.serials), from_location_id: item.fromLocationId, quantity: item.serials.length ? String(item.serials.length) : item.quantity,
      })),
    );
    ctx.emit('receiving.putaway.posted', { id, number, eventId: posted.eventId, toLocationId: input.toLocationId });
    return { id, number, eventId: posted.eventId };
  },
});

type Row = Record<string, unknown>;
const putawayView = (h: Row) => ({
  id: h.id, number: h.number, putawayDate: h.putaway_date, toLocationId: h.to_location_id, eventId: h.event_id, status: h.status,
  createdBy: h.created_by, createdAt: new Date(h.created_at as Date).toISOString(),
});
/** F-CN-7 入库记录 line: product, UDI-DI, lot, serials, quantity, from which bin. */
const putawayLineView = (l: Row) => ({
  lineNo: l.line_no, productId: l.product_id, productName: l.product_name, udiDi: l.udi_di, lot: l.lot, serials: l.serials,
  fromLocationId: l.from_location_id, quantity: l.quantity,
});

export const getPutaway = defineQuery({
  name: 'receiving.putaway.get',
  permission: 'receiving.putaway.read',
  summary: { 'zh-CN': '入库单详情', en: 'Putaway detail' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    const found = await ctx.repo(putawayRepo).get(ctx.orgId, input.id);
    if (!found) throw errors.notFound(`putaway ${input.id}`);
    return { ...putawayView(found.header), lines: found.lines.map(putawayLineView) };
  },
});

export const listPutaways = defineQuery({
  name: 'receiving.putaway.list',
  permission: 'receiving.putaway.read',
  summary: { 'zh-CN': '入库单列表', en: 'List putaways' },
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
  async handler(ctx, input) {
    return { items: (await ctx.repo(putawayRepo).list(ctx.orgId, input.limit, input.offset)).map(putawayView) };
  },
});
