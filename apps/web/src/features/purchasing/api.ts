import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client.ts';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import type { OrderInput, PurchaseOrder, PurchaseOrderDetail, PurchaseRecordRow, RecordColumn } from './types.ts';

export const PUR_PERMS = {
  orderRead: 'purchasing.purchase_order.read',
  orderCreate: 'purchasing.purchase_order.create',
  orderUpdate: 'purchasing.purchase_order.update',
  recordRead: 'purchasing.purchase_record.read',
} as const;

export interface OrderFilter {
  status?: string;
  supplierId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export interface RecordFilter {
  from?: string;
  to?: string;
  supplierId?: string;
  productId?: string;
  direct?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

export const purKeys = {
  all: ['purchasing'] as const,
  orders: (f: OrderFilter) => ['purchasing', 'orders', f] as const,
  order: (id: string) => ['purchasing', 'order', id] as const,
  records: (f: RecordFilter) => ['purchasing', 'records', f] as const,
};

export function useOrders(filter: OrderFilter) {
  return useQuery({
    queryKey: purKeys.orders(filter),
    queryFn: ({ signal }) => api.get<{ items: PurchaseOrder[]; total: number }>('/purchasing/orders', { ...filter }, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: purKeys.order(id ?? ''),
    queryFn: ({ signal }) => api.get<PurchaseOrderDetail>(`/purchasing/orders/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useRecords(filter: RecordFilter) {
  return useQuery({
    queryKey: purKeys.records(filter),
    queryFn: ({ signal }) =>
      api.get<{ columns: RecordColumn[]; items: PurchaseRecordRow[]; total: number }>('/purchasing/records', { ...filter }, { signal }),
    placeholderData: (prev) => prev,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: purKeys.all }), qc.invalidateQueries({ queryKey: ['audit'] })]);
  };
}

export function useSaveOrder(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: OrderInput) =>
      id ? api.patch<PurchaseOrderDetail>(`/purchasing/orders/${encodeURIComponent(id)}`, body) : api.post<PurchaseOrderDetail>('/purchasing/orders', body),
    onSuccess: async () => invalidate(),
  });
}

export type OrderActionRequest =
  | { action: 'submit'; body: { reason?: string } }
  | { action: 'close'; body: { reason?: string } }
  | { action: 'cancel'; body: { reason: string } }
  | { action: 'approve' | 'reject'; body: SignaturePayload };

export function useOrderAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (req: OrderActionRequest) =>
      api.post<PurchaseOrderDetail>(`/purchasing/orders/${encodeURIComponent(id)}/${req.action}`, req.body, {
        skipAuthRedirect: req.action === 'approve' || req.action === 'reject',
      }),
    onSuccess: async () => invalidate(),
  });
}
