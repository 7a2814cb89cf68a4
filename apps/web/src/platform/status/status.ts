/** Lifecycle of controlled master data (GSP: first-time supplier/product review). */
export type RecordStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

export const RECORD_STATUSES: readonly RecordStatus[] = ['draft', 'submitted', 'approved', 'rejected'];

export interface StatusTagSpec {
  /** antd Tag color (preset status colors). */
  color: 'default' | 'processing' | 'success' | 'error' | 'warning';
  /** i18n key of the label. */
  labelKey: `status.${RecordStatus}` | 'status.unknown';
}

const SPECS: Record<RecordStatus, StatusTagSpec> = {
  draft: { color: 'default', labelKey: 'status.draft' },
  submitted: { color: 'processing', labelKey: 'status.submitted' },
  approved: { color: 'success', labelKey: 'status.approved' },
  rejected: { color: 'error', labelKey: 'status.rejected' },
};

export function isRecordStatus(v: unknown): v is RecordStatus {
  return typeof v === 'string' && (RECORD_STATUSES as readonly string[]).includes(v);
}

export function statusTagSpec(status: string): StatusTagSpec {
  return isRecordStatus(status) ? SPECS[status] : { color: 'warning', labelKey: 'status.unknown' };
}

/** Delivery state of an outbound webhook. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dead';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed', 'dead'];

export function deliveryStatusColor(status: string): StatusTagSpec['color'] {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'pending':
      return 'processing';
    case 'failed':
      return 'warning';
    case 'dead':
      return 'error';
    default:
      return 'default';
  }
}

/** Audit hash-chain verification state. */
export type ChainStatus = 'intact' | 'pending' | 'broken';

export function chainStatusColor(status: string): StatusTagSpec['color'] {
  if (status === 'intact') return 'success';
  if (status === 'pending') return 'warning';
  return 'error';
}
