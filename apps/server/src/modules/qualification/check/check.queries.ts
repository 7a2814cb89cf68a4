import { z } from 'zod';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { checkQualification } from './check.service.ts';

export const runCheck = defineQuery({
  name: 'qualification.check.run',
  permission: 'qualification.check.read',
  summary: { 'zh-CN': '资质校验（供货者/购货者 × 产品 × 日期）', en: 'Qualification check (supplier/customer × product × date)' },
  input: z.strictObject({
    productId: z.string().min(1).max(64),
    supplierId: z.string().min(1).max(64).optional(),
    customerId: z.string().min(1).max(64).optional(),
    date: z.iso.date().optional(),
  }),
  async handler(ctx, input) {
    if (Boolean(input.supplierId) === Boolean(input.customerId)) {
      throw errors.badRequest([{ path: 'supplierId', message: 'give exactly one of supplierId (purchase) or customerId (sale)' }]);
    }
    const date = input.date ?? ctx.today;
    return ctx.repo((db) => checkQualification(db, { orgId: ctx.orgId, productId: input.productId, supplierId: input.supplierId, customerId: input.customerId, date }));
  },
});
