import { z } from 'zod';
import { quantityText } from '../../purchasing/index.ts';

const id = z.string().min(1).max(64);

/** 入库: released stock from a receiving or quarantine bin into one storage bin (F-CN-7). */
export const createPutawayInput = z.strictObject({
  toLocationId: id,
  items: z.array(z.strictObject({
    productId: id,
    lot: z.string().trim().max(40).default(''),
    serials: z.array(z.string().trim().min(1).max(40)).max(20_000).default([]),
    quantity: quantityText.optional(),
    fromLocationId: id,
  })).min(1).max(200),
});
export type CreatePutawayInput = z.output<typeof createPutawayInput>;
