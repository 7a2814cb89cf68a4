import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../platform/api/client.ts';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import type { Acceptance, AcceptanceDetail, ColdChain, Putaway, Receipt, ReceiptDetail } from './types.ts';

export const REC_PERMS = {
  receiptRead: 'receiving.goods_receipt.read',
  receiptCreate: 'receiving.goods_receipt.create',
  acceptanceRead: 'receiving.acceptance.read',
  acceptanceCreate: 'receiving.acceptance.create',
  putawayRead: 'receiving.putaway.read',
  putawayCreate: 'receiving.putaway.create',
} as const;

export const recKeys = {
  all: ['receiving'] as const,
  receipts: (f: object) => ['receiving', 'receipts', f] as const,
  receipt: (id: string) => ['receiving', 'receipt', id] as const,
  acceptances: (f: object) => ['receiving', 'acceptances', f] as const,
  acceptance: (id: string) => ['receiving', 'acceptance', id] as const,
  putaways: ['receiving', 'putaways'] as const,
};

export function useReceipts(filter: { status?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: recKeys.receipts(filter),
    queryFn: ({ signal }) => api.get<{ items: Receipt[]; total: number }>('/receiving/receipts', { ...filter }, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useReceipt(id: string | undefined) {
  return useQuery({
    queryKey: recKeys.receipt(id ?? ''),
    queryFn: ({ signal }) => api.get<ReceiptDetail>(`/receiving/receipts/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useAcceptances(filter: { status?: string; receiptId?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: recKeys.acceptances(filter),
    queryFn: ({ signal }) => api.get<{ items: Acceptance[]; total: number }>('/receiving/acceptances', { ...filter }, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useAcceptance(id: string | undefined) {
  return useQuery({
    queryKey: recKeys.acceptance(id ?? ''),
    queryFn: ({ signal }) => api.get<AcceptanceDetail>(`/receiving/acceptances/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function usePutaways() {
  return useQuery({
    queryKey: recKeys.putaways,
    queryFn: ({ signal }) => api.get<{ items: Putaway[]; total: number }>('/receiving/putaways', { limit: 50, offset: 0 }, { signal }),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: recKeys.all }),
      qc.invalidateQueries({ queryKey: ['inventory'] }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  };
}

export interface ReceiptLineInput {
  orderLineId?: string;
  scans?: string[];
  lot?: string;
  serials?: string[];
  expiry?: string;
  productionDate?: string;
  quantity?: string;
}

export interface ReceiptInput {
  purchaseOrderId: string;
  deliveryNoteNo: string;
  delivererName: string;
  locationId: string;
  coldChain?: ColdChain;
  lines: ReceiptLineInput[];
}

export function useCreateReceipt() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ReceiptInput) => api.post<ReceiptDetail>('/receiving/receipts', body),
    onSuccess: async () => invalidate(),
  });
}

export function useReceiptAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (req: { action: 'receive' | 'cancel'; body?: object }) =>
      api.post<ReceiptDetail>(`/receiving/receipts/${encodeURIComponent(id)}/${req.action}`, req.body ?? {}),
    onSuccess: async () => invalidate(),
  });
}

export interface AcceptanceLineInput {
  receiptLineId: string;
  verdict: 'accepted' | 'rejected';
  acceptedQuantity?: string;
  defects?: string;
  disposition?: string;
}

export function useCreateAcceptance() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { receiptId: string; lines: AcceptanceLineInput[] }) => api.post<AcceptanceDetail>('/receiving/acceptances', body),
    onSuccess: async () => invalidate(),
  });
}

export function useAcceptanceAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (req: { action: 'accept' | 'cancel'; body: SignaturePayload | { reason: string } }) =>
      api.post<AcceptanceDetail>(`/receiving/acceptances/${encodeURIComponent(id)}/${req.action}`, req.body, { skipAuthRedirect: req.action === 'accept' }),
    onSuccess: async () => invalidate(),
  });
}

export interface PutawayInput {
  toLocationId: string;
  items: { productId: string; lot: string; serials: string[]; quantity?: string; fromLocationId: string }[];
}

export function useCreatePutaway() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PutawayInput) => api.post<Putaway>('/receiving/putaways', body),
    onSuccess: async () => invalidate(),
  });
}

export const acceptancePdfUrl = (id: string) => buildUrl(`/receiving/acceptances/${encodeURIComponent(id)}/record.pdf`);
