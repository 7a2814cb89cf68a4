import { z } from 'zod';
import { hasValidCheckDigit } from '@custodia/gs1';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { lockEditable } from '../../../platform/document/document.ts';
import { productDocument } from '../product/product.model.ts';

const level = z.strictObject({
  level: z.number().int().min(0).max(5),
  name: z.string().trim().min(1).max(40),
  udiDi: z.string().regex(/^\d{14}$/).nullable().default(null),
  quantity: z.number().int().min(1).max(1_000_000),
});

/** Pure checks: levels 0…n without gaps, unit quantity 1, valid and distinct DIs (GS1-01). */
export function checkPackaging(levels: { level: number; udiDi: string | null; quantity: number }[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  sorted.forEach((entry, index) => {
    if (entry.level !== index) problems.push({ path: `levels.${index}.level`, message: 'levels must run 0, 1, 2 … without gaps' });
    if (entry.udiDi && !hasValidCheckDigit(entry.udiDi)) problems.push({ path: `levels.${index}.udiDi`, message: 'GTIN check digit is wrong (GS1-01)' });
  });
  if (sorted[0] && sorted[0].quantity !== 1) problems.push({ path: 'levels.0.quantity', message: 'the unit level holds exactly 1' });
  const dis = sorted.map((l) => l.udiDi).filter(Boolean);
  if (new Set(dis).size !== dis.length) problems.push({ path: 'levels', message: 'each level needs its own UDI-DI' });
  return problems;
}

export function packagingRepo(db: Queryable) {
  return {
    async forProduct(orgId: string, productId: string) {
      return (await db.query<{ level: number; name: string; udi_di: string | null; quantity: number }>(
        'SELECT level, name, udi_di, quantity FROM master_data.product_package WHERE org_id = $1 AND product_id = $2 ORDER BY level', [orgId, productId],
      )).rows.map((r) => ({ level: r.level, name: r.name, udiDi: r.udi_di, quantity: r.quantity }));
    },
  };
}

/** Replaces the packaging levels (unit → case → pallet) of a draft product; the unit DI becomes the product's UDI-DI. */
export const setPackaging = defineCommand({
  name: 'master_data.product.set_packaging',
  summary: { 'zh-CN': '设置包装层级与 UDI-DI', en: 'Set packaging levels and their UDI-DIs' },
  input: z.strictObject({ id: z.string().min(1).max(64), levels: z.array(level).min(1).max(6) }),
  async handler(ctx, input) {
    const problems = checkPackaging(input.levels);
    if (problems.length) throw errors.badRequest(problems);
    await lockEditable(ctx, productDocument, input.id);
    await ctx.repo((db) => db.query('DELETE FROM master_data.product_package WHERE org_id = $1 AND product_id = $2', [ctx.orgId, input.id]));
    for (const entry of input.levels) {
      await ctx.repo((db) => db.query(
        'INSERT INTO master_data.product_package (org_id, id, product_id, level, name, udi_di, quantity) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [ctx.orgId, newId('pkg'), input.id, entry.level, entry.name, entry.udiDi, entry.quantity],
      ));
    }
    const unit = input.levels.find((l) => l.level === 0)!;
    await ctx.repo((db) => db.query('UPDATE master_data.product SET udi_di = $3, version = version + 1, updated_at = $4 WHERE org_id = $1 AND id = $2', [ctx.orgId, input.id, unit.udiDi, ctx.now]));
    return { id: input.id };
  },
});

export const listPackaging = defineQuery({
  name: 'master_data.product.packaging',
  permission: 'master_data.product.read',
  summary: { 'zh-CN': '包装层级', en: 'Packaging levels' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    return { items: await ctx.repo(packagingRepo).forProduct(ctx.orgId, input.id) };
  },
});
