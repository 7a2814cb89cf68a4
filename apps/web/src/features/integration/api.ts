import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client.ts';
import type { DeliveryStatus } from '../../platform/status/status.ts';

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface CreatedWebhook extends Webhook {
  /** HMAC signing secret — returned once, at creation. */
  secret: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** Event types offered as suggestions; any other type can be typed in. */
export const KNOWN_EVENT_TYPES = [
  '*',
  'master_data.*',
  'master_data.product.*',
  'master_data.product.approved',
  'master_data.party.*',
  'master_data.party.approved',
  'identity.user.locked',
] as const;

const keys = {
  webhooks: ['integration', 'webhooks'] as const,
  deliveries: (status?: string) => ['integration', 'deliveries', status ?? 'all'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: keys.webhooks, queryFn: () => api.get<{ items: Webhook[] }>('/integration/webhooks') });
}

export function useDeliveries(status?: DeliveryStatus) {
  return useQuery({
    queryKey: keys.deliveries(status),
    queryFn: () => api.get<{ items: Delivery[] }>('/integration/webhook-deliveries', { status }),
    refetchInterval: 15_000,
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; events: string[]; reason: string }) => api.post<CreatedWebhook>('/integration/webhooks', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.webhooks }),
  });
}

export function useDeactivateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<unknown>(`/integration/webhooks/${encodeURIComponent(id)}/deactivate`, { reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.webhooks }),
  });
}

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<unknown>(`/integration/webhook-deliveries/${encodeURIComponent(id)}/retry`, { reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['integration', 'deliveries'] }),
  });
}

/** Only failed and dead deliveries can be retried by hand. */
export function canRetry(d: Pick<Delivery, 'status'>): boolean {
  return d.status === 'dead' || d.status === 'failed';
}

export function isValidWebhookUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
  } catch {
    return false;
  }
}
