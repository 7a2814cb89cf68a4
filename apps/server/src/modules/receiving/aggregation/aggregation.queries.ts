import { z } from 'zod';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { aggregationRepo } from './aggregation.repo.ts';

/** Trace through SSCC links (EPCIS-05 parentID/childEPCs): a pallet → its cases and units, a unit → its case and pallet. */
export const traceAggregation = defineQuery({
  name: 'receiving.aggregation.trace',
  permission: 'receiving.aggregation.read',
  summary: { 'zh-CN': 'SSCC 包装层级追溯（托盘→单品，单品→托盘）', en: 'SSCC aggregation trace (pallet → units, unit → pallet)' },
  input: z.strictObject({
    sscc: z.string().regex(/^\d{18}$/).optional(),
    productId: z.string().min(1).max(64).optional(),
    serial: z.string().min(1).max(40).optional(),
  }),
  async handler(ctx, input) {
    if (!input.sscc && !(input.productId && input.serial)) throw errors.badRequest([{ path: 'sscc', message: 'give an sscc, or productId and serial' }]);
    const repo = ctx.repo(aggregationRepo);
    const contents = input.sscc ? await repo.contents(ctx.orgId, input.sscc) : [];
    const containers = await repo.containers(ctx.orgId, input);
    return {
      sscc: input.sscc ?? null,
      ssccs: contents.filter((c) => c.child_kind === 'sscc').map((c) => ({ parent: c.parent_sscc, sscc: c.child_sscc })),
      units: contents.filter((c) => c.child_kind === 'serial').map((c) => ({ parent: c.parent_sscc, productId: c.product_id, lot: c.lot, serial: c.serial })),
      containers: containers.map((c) => ({ sscc: c.parent_sscc, receiptId: c.receipt_id, level: c.depth })),
    };
  },
});
