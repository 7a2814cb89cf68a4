import { z } from 'zod';
import { quantityText } from '../../purchasing/index.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

/** One product and lot as delivered: scans (GS1 / MA / HIBC strings), typed fields, or both. */
export const receiptLineInput = z.strictObject({
  orderLineId: id.optional(),
  productId: id.optional(),
  scans: z.array(z.string().min(1).max(512)).max(20_000).optional(),
  lot: z.string().trim().max(40).optional(),
  serials: z.array(z.string().trim().min(1).max(40)).max(20_000).optional(),
  productionDate: z.iso.date().optional(),
  expiry: z.iso.date().optional(),
  /** The expiry printed on the supplier's delivery note (随货同行单), compared with the goods. */
  deliveryNoteExpiry: z.iso.date().optional(),
  quantity: quantityText.optional(),
});
export type ReceiptLineInput = z.output<typeof receiptLineInput>;

const reading = z.strictObject({ at: z.iso.datetime({ offset: true }), celsius: z.number().min(-80).max(80) });

/** CN-REC-03: how the goods travelled and at what temperature they arrived. */
export const coldChainInput = z.strictObject({
  transportMode: z.enum(['refrigerated_vehicle', 'insulated_box', 'cold_chain_courier', 'other']),
  temperatureFileId: id.optional(),
  readings: z.array(reading).max(10_000).optional(),
  departedAt: z.iso.datetime({ offset: true }),
  arrivedAt: z.iso.datetime({ offset: true }),
  arrivalTemperature: z.number().min(-80).max(80),
}).refine((c) => c.temperatureFileId || (c.readings && c.readings.length > 0), { message: 'a temperature record file or readings are required', path: ['temperatureFileId'] })
  .refine((c) => c.arrivedAt >= c.departedAt, { message: 'arrival before departure', path: ['arrivedAt'] });
export type ColdChainInput = z.output<typeof coldChainInput>;

/** SSCC content: a pallet or case and the serials (or inner SSCCs) it holds. */
export const aggregationInput = z.strictObject({
  sscc: z.string().regex(/^\d{18}$/, '18 digits'),
  serials: z.array(z.string().trim().min(1).max(40)).max(20_000).default([]),
  ssccs: z.array(z.string().regex(/^\d{18}$/, '18 digits')).max(1000).default([]),
});
export type AggregationInput = z.output<typeof aggregationInput>;

export const createReceiptInput = z.strictObject({
  purchaseOrderId: id,
  deliveryNoteNo: text(60),
  delivererName: text(60),
  locationId: id,
  rejectLocationId: id.optional(),
  coldChain: coldChainInput.optional(),
  lines: z.array(receiptLineInput).min(1).max(200),
  aggregations: z.array(aggregationInput).max(2000).default([]),
});
export type CreateReceiptInput = z.output<typeof createReceiptInput>;

export interface Flag {
  code: string;
  /** `block`: the receipt cannot be posted until a new one is written; `warn`: recorded for the inspector. */
  severity: 'block' | 'warn';
  line: number | null;
  message: { 'zh-CN': string; en: string };
  requirement?: string;
  facts?: Record<string, unknown>;
}

/** What the rules need of an ordered line: its product facts and how much already arrived. */
export interface OrderedLine {
  id: string;
  lineNo: number;
  productId: string;
  productName: string;
  productModel: string;
  registrant: string;
  registrationNo: string;
  unit: string;
  quantity: string;
  receivedBefore: string;
}

export interface ProductFacts {
  id: string;
  udiDi: string | null;
  tracking: 'lot' | 'serial' | 'lot_serial';
  storageTempMin: string | null;
  storageTempMax: string | null;
  /** Packaging-level DIs (case, carton) and how many units each holds. */
  packages: { udiDi: string; quantity: number }[];
}

export interface ComposedLine {
  lineNo: number;
  orderLineId: string;
  productId: string;
  productName: string;
  productModel: string;
  registrant: string;
  registrationNo: string;
  udiDi: string | null;
  tracking: ProductFacts['tracking'];
  unit: string;
  lot: string;
  productionDate: string | null;
  expiry: string | null;
  deliveryNoteExpiry: string | null;
  quantity: string;
  serials: string[];
  coldChainExcursion: boolean;
}
