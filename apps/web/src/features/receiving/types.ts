import type { SignatureView } from '../../platform/signature/types.ts';

export interface ReceiptFlag {
  code: string;
  severity: 'block' | 'warn';
  line: number | null;
  message: { 'zh-CN': string; en: string };
  requirement?: string;
  facts?: Record<string, unknown>;
}

export interface ColdChain {
  transportMode: 'refrigerated_vehicle' | 'insulated_box' | 'cold_chain_courier' | 'other';
  temperatureFileId?: string | null;
  readings?: { at: string; celsius: number }[] | null;
  departedAt: string;
  arrivedAt: string;
  arrivalTemperature: number;
}

export interface ReceiptLine {
  id: string;
  lineNo: number;
  orderLineId: string;
  productId: string;
  productName: string;
  model: string | null;
  udiDi: string | null;
  unit: string | null;
  lot: string;
  productionDate: string | null;
  expiry: string | null;
  deliveryNoteExpiry: string | null;
  quantity: string;
  serialCount: number;
  serials: string[];
  coldChainExcursion: boolean;
  receivedStatus: string;
}

export interface Receipt {
  id: string;
  number: string;
  status: 'draft' | 'received' | 'cancelled' | string;
  purchaseOrderId: string;
  purchaseOrderNo: string;
  supplierName: string;
  deliveryNoteNo: string;
  delivererName: string;
  receiverName: string;
  receiptDate: string;
  locationId: string;
  coldChain: ColdChain | null;
  flags: ReceiptFlag[];
  blocking: boolean;
  receivedAt: string | null;
}

export interface ReceiptDetail extends Receipt {
  lines: ReceiptLine[];
  version: number;
  allowedActions: string[];
  signatures: SignatureView[];
}

export const DISPOSITIONS = ['return_to_supplier', 'destroy', 'quarantine_hold', 'other'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export interface AcceptanceLine {
  id: string;
  lineNo: number;
  receiptLineId: string;
  productId: string;
  productName: string;
  model: string | null;
  lot: string;
  serialCount: number;
  expiry: string | null;
  quantity: string;
  verdict: 'accepted' | 'rejected';
  acceptedQuantity: string;
  rejectedQuantity: string;
  defects: string | null;
  disposition: Disposition | null;
  coldChainExcursion: boolean;
}

export interface Acceptance {
  id: string;
  number: string;
  status: 'draft' | 'accepted' | 'cancelled' | string;
  receiptId: string;
  receiptNo: string;
  purchaseOrderNo: string;
  supplierName: string;
  inspector: string;
  acceptanceDate: string;
  acceptedAt: string | null;
}

export interface AcceptanceDetail extends Acceptance {
  lines: AcceptanceLine[];
  version: number;
  allowedActions: string[];
  signatures: SignatureView[];
}

export interface Putaway {
  id: string;
  number: string;
  status?: string;
  toLocationId?: string;
  toLocationCode?: string;
  createdAt?: string;
  [key: string]: unknown;
}
