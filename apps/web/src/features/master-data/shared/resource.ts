import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/api/client.ts';
import type { SignaturePayload } from '../../../platform/signature/types.ts';
import type { ListParams, ListResult, MasterRecord } from './types.ts';

export type MasterResource = 'products' | 'parties';

export type ActionRequest =
  | { action: 'submit'; body: { reason?: string } }
  | { action: 'approve'; body: SignaturePayload }
  | { action: 'reject'; body: SignaturePayload & { reason: string } };

/**
 * TanStack Query hooks for one master-data resource under /master-data/<resource>.
 * Create/update/submit/approve/reject invalidate the resource's queries and
 * the audit history.
 */
export function createResourceHooks<T extends MasterRecord, Input extends object>(resource: MasterResource) {
  const base = `/master-data/${resource}`;
  const keys = {
    all: ['master-data', resource] as const,
    list: (p: ListParams) => ['master-data', resource, 'list', p] as const,
    detail: (id: string) => ['master-data', resource, 'detail', id] as const,
  };

  function useInvalidate() {
    const qc = useQueryClient();
    return async (id?: string) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.all }),
        qc.invalidateQueries({ queryKey: ['audit'] }),
        // what a qualification file lacks and the expiry list follow the record
        qc.invalidateQueries({ queryKey: ['qualification'] }),
        id ? qc.invalidateQueries({ queryKey: keys.detail(id) }) : Promise.resolve(),
      ]);
    };
  }

  function useList(params: ListParams) {
    return useQuery({
      queryKey: keys.list(params),
      queryFn: ({ signal }) => api.get<ListResult<T>>(base, { ...params }, { signal }),
      placeholderData: keepPreviousData,
    });
  }

  function useDetail(id: string | undefined) {
    return useQuery({
      queryKey: keys.detail(id ?? ''),
      queryFn: ({ signal }) => api.get<T>(`${base}/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
      enabled: !!id,
    });
  }

  function useCreate() {
    const invalidate = useInvalidate();
    return useMutation({
      mutationFn: (body: Input & { reason?: string }) => api.post<T>(base, body),
      onSuccess: async (rec) => invalidate(rec?.id),
    });
  }

  function useUpdate(id: string) {
    const invalidate = useInvalidate();
    return useMutation({
      mutationFn: (body: Partial<Input> & { reason: string }) => api.patch<T>(`${base}/${encodeURIComponent(id)}`, body),
      onSuccess: async () => invalidate(id),
    });
  }

  function useAction(id: string) {
    const invalidate = useInvalidate();
    return useMutation({
      mutationFn: (req: ActionRequest) =>
        api.post<unknown>(`${base}/${encodeURIComponent(id)}/${req.action}`, req.body, {
          // A wrong signing password is a 401 that must not end the session.
          skipAuthRedirect: req.action === 'approve' || req.action === 'reject',
        }),
      onSuccess: async () => invalidate(id),
    });
  }

  return { keys, useList, useDetail, useCreate, useUpdate, useAction };
}
