import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client.ts';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import type { Balance, QualityStatus, StockCardEntry, StockItem, StockLocation, Zone } from './types.ts';

export const INV_PERMS = {
  stockRead: 'inventory.stock.read',
  hold: 'inventory.stock.hold',
  releaseHold: 'inventory.stock.release_hold',
  transfer: 'inventory.stock.transfer',
  adjust: 'inventory.stock.adjust',
  locationCreate: 'inventory.location.create',
} as const;

export interface BalanceFilter {
  productId?: string;
  lot?: string;
  serial?: string;
  locationId?: string;
  status?: string;
  expiringWithinDays?: number;
  limit: number;
  offset: number;
}

export const invKeys = {
  all: ['inventory'] as const,
  balances: (f: BalanceFilter) => ['inventory', 'balances', f] as const,
  locations: ['inventory', 'locations'] as const,
  card: (productId: string, lot: string, serial: string) => ['inventory', 'card', productId, lot, serial] as const,
};

export function useBalances(filter: BalanceFilter) {
  return useQuery({
    queryKey: invKeys.balances(filter),
    queryFn: ({ signal }) => api.get<{ items: Balance[]; total?: number }>('/inventory/balances', { ...filter }, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useLocations(enabled = true) {
  return useQuery({
    queryKey: invKeys.locations,
    queryFn: ({ signal }) => api.get<{ items: StockLocation[] }>('/inventory/locations', undefined, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

export function useStockCard(productId: string, lot: string, serial: string) {
  return useQuery({
    queryKey: invKeys.card(productId, lot, serial),
    queryFn: ({ signal }) => api.get<{ items: StockCardEntry[] }>('/inventory/stock-card', { productId, lot, serial: serial || undefined }, { signal }),
    enabled: !!productId,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: invKeys.all }), qc.invalidateQueries({ queryKey: ['audit'] })]);
  };
}

export interface LocationInput {
  warehouseId: string;
  code: string;
  name: string;
  zone: Zone;
  statuses: QualityStatus[];
  tempMin: string | null;
  tempMax: string | null;
  humidityMin: string | null;
  humidityMax: string | null;
  lightProtected: boolean;
  reason?: string;
}

export function useCreateLocation() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: LocationInput) => api.post<StockLocation>('/inventory/locations', body), onSuccess: async () => invalidate() });
}

export type StockCommand =
  | { kind: 'hold'; body: { items: StockItem[]; from: 'released' | 'quarantine'; reason: string } }
  | { kind: 'release'; body: { items: StockItem[] } & SignaturePayload }
  | { kind: 'transfer'; body: { items: StockItem[]; status: QualityStatus; toLocationId: string; reason?: string } }
  | {
      kind: 'adjust';
      body: {
        cause: string;
        lines: Array<{ productId: string; lot: string; serial: string; expiry: string | null; locationId: string; status: QualityStatus; quantity: string }>;
      } & SignaturePayload;
    };

const PATHS: Record<StockCommand['kind'], string> = {
  hold: '/inventory/holds',
  release: '/inventory/holds/release',
  transfer: '/inventory/transfers',
  adjust: '/inventory/adjustments',
};

export function useStockCommand() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (cmd: StockCommand) => api.post<unknown>(PATHS[cmd.kind], cmd.body, { skipAuthRedirect: cmd.kind === 'release' || cmd.kind === 'adjust' }),
    onSuccess: async () => invalidate(),
  });
}
