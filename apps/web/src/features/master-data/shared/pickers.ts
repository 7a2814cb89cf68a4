import { useQuery } from '@tanstack/react-query';
import { api } from '../../../platform/api/client.ts';
import type { Party } from '../party/types.ts';
import type { Product } from '../product/types.ts';
import type { ListResult } from './types.ts';

/** Up to 200 records (the API's page limit) for pickers and id → name look-ups. */
const PICKER_LIMIT = 200;

export function useAllProducts(enabled = true) {
  return useQuery({
    queryKey: ['master-data', 'products', 'picker'],
    queryFn: ({ signal }) => api.get<ListResult<Product>>('/master-data/products', { limit: PICKER_LIMIT, offset: 0 }, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useAllParties(enabled = true) {
  return useQuery({
    queryKey: ['master-data', 'parties', 'picker'],
    queryFn: ({ signal }) => api.get<ListResult<Party>>('/master-data/parties', { limit: PICKER_LIMIT, offset: 0 }, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** Select options whose label is searchable text: "PRD-… 名称 型号". */
export function recordOption(r: { id: string; number: string; name: string }, extra?: string) {
  return { value: r.id, label: `${r.name}${extra ? ` ${extra}` : ''} · ${r.number}` };
}
