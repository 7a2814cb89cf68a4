import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, configureApi } from '../api/client.ts';
import { isApiError } from '../api/problem.ts';
import { hasPermission, hasPermissionUnder } from '../permissions/permissions.ts';
import { adoptUserLocale } from '../i18n/index.ts';
import type { CurrentUser } from './types.ts';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

interface AuthValue {
  user: CurrentUser | null;
  /** True until the first /auth/me answer. */
  loading: boolean;
  /** Set when /auth/me failed for another reason than 401 (e.g. server down). */
  error: unknown;
  retry(): void;
  login(username: string, password: string): Promise<CurrentUser | null>;
  logout(): Promise<void>;
  can(permission: string): boolean;
  canUnder(namespace: string): boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe(): Promise<CurrentUser | null> {
  try {
    const res = await api.get<{ user: CurrentUser }>('/auth/me', undefined, { skipAuthRedirect: true });
    const user = res.user;
    return { ...user, roles: user.roles ?? [], permissions: user.permissions ?? [] };
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();

  const me = useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });

  useEffect(() => {
    configureApi({
      onUnauthorized: () => {
        const wasSignedIn = queryClient.getQueryData(ME_QUERY_KEY) != null;
        queryClient.setQueryData(ME_QUERY_KEY, null);
        if (wasSignedIn) {
          queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
          void message.warning({ content: t('auth.sessionExpired'), key: 'session-expired' });
        }
      },
    });
  }, [queryClient, message, t]);

  const login = useCallback(
    async (username: string, password: string) => {
      await api.post('/auth/login', { username, password }, { skipAuthRedirect: true });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      const user = await queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 0 });
      await adoptUserLocale(user?.locale);
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, { skipAuthRedirect: true });
    } finally {
      // Signed-out first (the route guard unmounts every screen), then forget the cached data.
      // Clearing the whole cache instead would detach the live /auth/me observer.
      queryClient.setQueryData(ME_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
    }
  }, [queryClient]);

  const user = me.data ?? null;
  const value = useMemo<AuthValue>(
    () => ({
      user,
      loading: me.isPending,
      error: me.error,
      retry: () => void me.refetch(),
      login,
      logout,
      can: (p) => !!user && hasPermission(user.permissions, p),
      canUnder: (ns) => !!user && hasPermissionUnder(user.permissions, ns),
    }),
    [user, me.isPending, me.error, me.refetch, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
