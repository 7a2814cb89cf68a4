import type { SignatureView } from '../../platform/signature/types.ts';

/** 采购订单 lifecycle (purchase-order.lifecycle.ts on the server). */
export type OrderStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'closed' | 'cancelled';
export const ORDER_STATUSES: readonly OrderStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'closed', 'cancelled'];

/** Transitions in the order the buttons are shown. */
export type OrderAction = 'submit' | 'approve' | 'reject' | 'close' | 'cancel';
export const ORDER_ACTIONS: readonly OrderAction[] = ['submit', 'approve', 'reject', 'close', 'cancel'];

/** 直调 reason codes (CN-PUR-03); `other_permitted` needs a note. */
export type DirectReason = 'disaster' | 'epidemic' | 'emergency_rescue' | 'clinical_urgency' | 'large_equipment' | 'other_permitted';
export const DIRECT_REASONS: readonly DirectReason[] = ['disaster', 'epidemic', 'emergency_rescue', 'clinical_urgency', 'large_equipment', 'other_permitted'];

export const PURCHASE_ORDER_AUDIT_TABLE = 'purchasing.purchase_order';

export interface OrderLine {
  id: string;
  lineNo: number;
  productId: string;
  productName: string;
  model: string | null;
  registrant: string | null;
  registrationNo: string | null;
  deviceClass: string | null;
  unit: string | null;
  /** Exact decimals as strings. */
  quantity: string;
  unitPrice: string;
  amount: string;
}

export interface ApprovalProgress {
  rule: string;
  role: string;
  requirements: string[];
  given: number;
  required: number;
}

export interface PurchaseOrder {
  id: string;
  number: string;
  status: OrderStatus;
  supplierId: string;
  supplierName: string;
  supplierAddress: string | null;
  supplierContact: string | null;
  supplierPhone: string | null;
  orderDate: string;
  expectedDeliveryDate: string | null;
  currency: string;
  qualityClause: string;
  afterSalesClause: string;
  note: string | null;
  direct: boolean;
  directReason: DirectReason | null;
  directNote: string | null;
  directCustomerId: string | null;
  directCustomerName: string | null;
  total: string;
  lineCount: number;
  maxDeviceClass: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
}

export interface PurchaseOrderDetail extends PurchaseOrder {
  lines: OrderLine[];
  createdBy?: { id: string; displayName: string } | null;
  updatedAt: string;
  allowedActions: string[];
  signatures: (SignatureView & { id?: string; status?: string })[];
  approvalProgress: ApprovalProgress[];
}

export interface OrderLineInput {
  productId: string;
  quantity: string;
  unitPrice: string;
  unit?: string | null;
}

export interface OrderInput {
  supplierId: string;
  qualityClause: string;
  afterSalesClause: string;
  expectedDeliveryDate: string | null;
  note: string | null;
  direct: boolean;
  directReason: DirectReason | null;
  directNote: string | null;
  directCustomerId: string | null;
  lines: OrderLineInput[];
  reason?: string;
}

export interface RecordColumn {
  field: string;
  label: { 'zh-CN': string; en: string };
}

/** One line of an approved or closed order: the 采购记录 (F-CN-4). */
export interface PurchaseRecordRow {
  orderId: string;
  orderNumber: string;
  lineNo: number;
  status: string;
  productId: string;
  productName: string;
  model: string | null;
  registrant: string | null;
  registrationNo: string | null;
  unit: string | null;
  quantity: string;
  unitPrice: string;
  amount: string;
  supplierId: string;
  supplierName: string;
  purchaseDate: string;
  approvedAt: string | null;
  direct: boolean;
  directReason: DirectReason | null;
  directCustomerName: string | null;
}
