import { z } from 'zod';
import { Decimal } from 'decimal.js';

/** 直调 reason codes (GSP 59, CN-PUR-03); `large_equipment` is GSP 37(五). */
export const DIRECT_REASONS = ['disaster', 'epidemic', 'emergency_rescue', 'clinical_urgency', 'large_equipment', 'other_permitted'] as const;
export type DirectReason = (typeof DIRECT_REASONS)[number];

const id = z.string().min(1).max(64);
const clause = z.string().trim().min(1).max(4000);

/**
 * An exact decimal: a string such as "12.5" or a plain JSON number, kept as text until decimal.js
 * reads it, so no float ever does arithmetic on a quantity or a price.
 */
const decimalText = (pattern: RegExp, message: string) =>
  z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(pattern, message));

export const quantityText = decimalText(/^\d{1,9}(\.\d{1,3})?$/, 'a positive number with at most 9 digits and 3 decimals')
  .refine((value) => new Decimal(value).gt(0), 'must be greater than 0');
export const unitPriceText = decimalText(/^\d{1,10}(\.\d{1,4})?$/, 'a price with at most 10 digits and 4 decimals');

export const orderLineInput = z.strictObject({
  productId: id,
  quantity: quantityText,
  unitPrice: unitPriceText,
  /** 单位; when omitted, the product's unit packaging level (支, 盒 …) is used. */
  unit: z.string().trim().min(1).max(20).nullable().default(null),
});
export type OrderLineInput = z.output<typeof orderLineInput>;

const lines = z.array(orderLineInput).min(1).max(200);

/** Header fields without defaults: update takes any subset of them. */
const header = {
  supplierId: id,
  expectedDeliveryDate: z.iso.date().nullable(),
  currency: z.literal('CNY'),
  qualityClause: clause,
  afterSalesClause: clause,
  note: z.string().trim().max(2000).nullable(),
  direct: z.boolean(),
  directReason: z.enum(DIRECT_REASONS).nullable(),
  directNote: z.string().trim().min(1).max(1000).nullable(),
  directCustomerId: id.nullable(),
};

/** F-CN-3: header and lines in one command. Order date, snapshots, amounts and total come from the server. */
export const createPurchaseOrderInput = z.strictObject({
  supplierId: header.supplierId,
  qualityClause: header.qualityClause,
  afterSalesClause: header.afterSalesClause,
  expectedDeliveryDate: header.expectedDeliveryDate.default(null),
  currency: header.currency.default('CNY'),
  note: header.note.default(null),
  direct: header.direct.default(false),
  directReason: header.directReason.default(null),
  directNote: header.directNote.default(null),
  directCustomerId: header.directCustomerId.default(null),
  lines,
});
export type OrderDraft = z.output<typeof createPurchaseOrderInput>;

/** A draft's changes: any header field; `lines`, when given, replaces every line. */
export const updatePurchaseOrderInput = z.strictObject({ id, ...z.object(header).partial().shape, lines: lines.optional() });

/** One line as stored: the product facts copied at order time and the amounts computed by the server. */
export interface OrderLine {
  /** Present once stored; not part of the signed content (a replaced draft line gets a new id). */
  id?: string;
  lineNo: number;
  productId: string;
  productName: string;
  productModel: string;
  registrant: string;
  registrationNo: string;
  deviceClass: 'I' | 'II' | 'III';
  unit: string;
  quantity: string;
  unitPrice: string;
  amount: string;
}

/** The product facts an order line copies (F-CN-3: 名称、型号/规格、注册人/备案人、注册证编号/备案编号). */
export interface ProductSnapshot {
  id: string;
  name: string;
  model: string;
  registrant: string;
  registrationNo: string;
  deviceClass: 'I' | 'II' | 'III';
  /** Name of the unit packaging level, if the product has packaging levels. */
  packageUnit: string | null;
}

export interface PartySnapshot {
  id: string;
  name: string;
  address: string;
  contact: string | null;
  phone: string | null;
  kinds: string[];
}
