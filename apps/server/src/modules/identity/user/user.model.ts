import { z } from 'zod';
import { passwordPolicy } from '../password.ts';
import type { UserWithAccess } from './user.repo.ts';

export const roleKeys = z.array(z.string().regex(/^[a-z_]{2,40}$/)).max(20);

export const createUserInput = z.strictObject({
  username: z.string().regex(/^[a-z][a-z0-9._-]{1,31}$/, 'lowercase letters, digits, . _ -; 2–32 characters'),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(passwordPolicy.minLength).max(200),
  roles: roleKeys,
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const setRolesInput = z.strictObject({ id: z.string().min(1).max(64), roles: roleKeys });
export const userIdInput = z.strictObject({ id: z.string().min(1).max(64) });
export const resetPasswordInput = z.strictObject({ id: z.string().min(1).max(64), password: z.string().min(passwordPolicy.minLength).max(200) });

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  locale: string;
  active: boolean;
  lockedUntil: string | null;
}

export function toUserView(row: UserWithAccess): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    permissions: row.permissions,
    locale: row.locale,
    active: row.active,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
  };
}
