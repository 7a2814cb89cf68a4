import { z } from 'zod';
import { quantityText } from '../../purchasing/index.ts';

const id = z.string().min(1).max(64);

export const DISPOSITIONS = ['return_to_supplier', 'destroy', 'quarantine_hold', 'other'] as const;

/** The verdict on one receipt line (one product and lot); serials are accepted unless listed as rejected. */
export const acceptanceLineInput = z.strictObject({
  receiptLineId: id,
  verdict: z.enum(['accepted', 'rejected']),
  /** Lot-tracked lines: how much of the lot is accepted (default: all when accepted, none when rejected). */
  acceptedQuantity: z.union([quantityText, z.literal('0'), z.literal(0).transform(() => '0')]).optional(),
  rejectedSerials: z.array(z.strictObject({ serial: z.string().trim().min(1).max(40), defect: z.string().trim().min(1).max(500) })).max(20_000).default([]),
  defects: z.string().trim().min(1).max(2000).optional(),
  disposition: z.enum(DISPOSITIONS).optional(),
});
export type AcceptanceLineInput = z.output<typeof acceptanceLineInput>;

export const createAcceptanceInput = z.strictObject({
  receiptId: id,
  rejectLocationId: id.optional(),
  lines: z.array(acceptanceLineInput).min(1).max(200),
});
export type CreateAcceptanceInput = z.output<typeof createAcceptanceInput>;

/** A receipt line as the inspector judges it. */
export interface ReceivedLine {
  id: string;
  lineNo: number;
  productId: string;
  productName: string | null;
  productModel: string | null;
  registrant: string | null;
  registrationNo: string | null;
  udiDi: string | null;
  tracking: 'lot' | 'serial' | 'lot_serial';
  lot: string;
  expiry: string | null;
  quantity: string;
  serials: string[];
  coldChainExcursion: boolean;
}

export interface DecidedLine {
  lineNo: number;
  receiptLineId: string;
  verdict: 'accepted' | 'rejected' | 'partial';
  acceptedQuantity: string;
  rejectedQuantity: string;
  rejectedSerials: { serial: string; defect: string }[];
  defects: string | null;
  disposition: (typeof DISPOSITIONS)[number] | null;
}
