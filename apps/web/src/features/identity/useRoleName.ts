import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { isRoleKey, useRoles } from './api.ts';

/** Localized role name: the server's nameZh/nameEn when readable, else the bundled name, else the key. */
export function useRoleName(): (key: string) => string {
  const { t, i18n } = useTranslation();
  const { canUnder } = useAuth();
  const roles = useRoles(canUnder('identity.role'));
  const en = i18n.language === 'en';
  return useCallback(
    (key: string) => {
      const row = roles.data?.items.find((r) => r.key === key);
      if (row) return (en ? row.nameEn : row.nameZh) || key;
      return isRoleKey(key) ? t(`identity.roleNames.${key}`) : key;
    },
    [roles.data, en, t],
  );
}
