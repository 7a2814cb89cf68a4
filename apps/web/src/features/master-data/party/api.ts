import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/api/client.ts';
import { createResourceHooks } from '../shared/resource.ts';
import type { Authorisation, AuthorisationInput, Licence, LicenceInput, Party, PartyInput } from './types.ts';

export const partyApi = createResourceHooks<Party, PartyInput>('parties');

const licenceKey = (partyId: string) => ['master-data', 'parties', 'licences', partyId] as const;
const authorisationKey = (partyId: string) => ['master-data', 'parties', 'authorisations', partyId] as const;

/** Licences and letters feed the expiry list, the qualification files and the audit trail. */
function useInvalidateParty(partyId: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: licenceKey(partyId) }),
      qc.invalidateQueries({ queryKey: authorisationKey(partyId) }),
      qc.invalidateQueries({ queryKey: ['qualification'] }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  };
}

export function useLicences(partyId: string) {
  return useQuery({
    queryKey: licenceKey(partyId),
    queryFn: ({ signal }) => api.get<{ items: Licence[] }>(`/master-data/parties/${encodeURIComponent(partyId)}/licences`, undefined, { signal }),
    enabled: !!partyId,
  });
}

export function useLicenceMutations(partyId: string) {
  const invalidate = useInvalidateParty(partyId);
  const create = useMutation({
    mutationFn: (body: LicenceInput & { reason?: string }) => api.post<{ id: string }>(`/master-data/parties/${encodeURIComponent(partyId)}/licences`, body),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: Partial<LicenceInput> & { id: string; reason: string }) => api.patch<{ id: string }>(`/master-data/licences/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
  const deactivate = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<{ id: string }>(`/master-data/licences/${encodeURIComponent(id)}/deactivate`, { reason }),
    onSuccess: invalidate,
  });
  return { create, update, deactivate };
}

export function useAuthorisations(partyId: string) {
  return useQuery({
    queryKey: authorisationKey(partyId),
    queryFn: ({ signal }) => api.get<{ items: Authorisation[] }>(`/master-data/parties/${encodeURIComponent(partyId)}/authorisations`, undefined, { signal }),
    enabled: !!partyId,
  });
}

export function useAuthorisationMutations(partyId: string) {
  const invalidate = useInvalidateParty(partyId);
  const create = useMutation({
    mutationFn: (body: AuthorisationInput & { reason?: string }) => api.post<{ id: string }>(`/master-data/parties/${encodeURIComponent(partyId)}/authorisations`, body),
    onSuccess: invalidate,
  });
  const deactivate = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<{ id: string }>(`/master-data/authorisations/${encodeURIComponent(id)}/deactivate`, { reason }),
    onSuccess: invalidate,
  });
  return { create, deactivate };
}
