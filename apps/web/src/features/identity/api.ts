import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client.ts';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  lockedUntil: string | null;
}

export interface RoleRow {
  key: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
}

export const ROLE_KEYS = [
  'admin',
  'qa_head',
  'qa_inspector',
  'purchaser',
  'warehouse_keeper',
  'outbound_reviewer',
  'sales',
  'recall_coordinator',
  'auditor',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export function isRoleKey(v: string): v is RoleKey {
  return (ROLE_KEYS as readonly string[]).includes(v);
}

const keys = {
  users: ['identity', 'users'] as const,
  roles: ['identity', 'roles'] as const,
};

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => api.get<{ items: UserRow[] }>('/identity/users') });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: keys.roles,
    queryFn: () => api.get<{ items: RoleRow[] }>('/identity/roles'),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  locale: string;
  reason: string;
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api.post<UserRow>('/identity/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useSetUserRoles() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, roles, reason }: { id: string; roles: string[]; reason: string }) =>
      api.post<unknown>(`/identity/users/${encodeURIComponent(id)}/roles`, { roles, reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<unknown>(`/identity/users/${encodeURIComponent(id)}/unlock`, { reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}
