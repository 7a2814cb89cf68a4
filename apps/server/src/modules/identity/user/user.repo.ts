import type { Queryable } from '../../../platform/db/db.ts';

export interface UserRow {
  org_id: string;
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  locale: string;
  active: boolean;
  is_system: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  password_changed_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface UserWithAccess extends UserRow {
  roles: string[];
  permissions: string[];
}

const WITH_ACCESS = `SELECT u.*,
    coalesce((SELECT array_agg(ur.role_key ORDER BY ur.role_key) FROM platform.user_role ur WHERE ur.org_id = u.org_id AND ur.user_id = u.id), '{}') AS roles,
    coalesce((SELECT array_agg(DISTINCT p ORDER BY p) FROM platform.user_role ur
               JOIN platform.role r ON r.org_id = ur.org_id AND r.key = ur.role_key, unnest(r.permissions) p
              WHERE ur.org_id = u.org_id AND ur.user_id = u.id), '{}') AS permissions
  FROM platform.app_user u`;

export function userRepo(db: Queryable) {
  return {
    async byUsername(username: string): Promise<UserWithAccess[]> {
      return (await db.query<UserWithAccess>(`${WITH_ACCESS} WHERE u.username = $1`, [username])).rows;
    },
    async byId(orgId: string, id: string): Promise<UserWithAccess | undefined> {
      return (await db.query<UserWithAccess>(`${WITH_ACCESS} WHERE u.org_id = $1 AND u.id = $2`, [orgId, id])).rows[0];
    },
    async lock(orgId: string, id: string): Promise<UserRow | undefined> {
      return (await db.query<UserRow>('SELECT * FROM platform.app_user WHERE org_id = $1 AND id = $2 FOR UPDATE', [orgId, id])).rows[0];
    },
    async list(orgId: string): Promise<UserWithAccess[]> {
      return (await db.query<UserWithAccess>(`${WITH_ACCESS} WHERE u.org_id = $1 AND NOT u.is_system ORDER BY u.username`, [orgId])).rows;
    },
    async insert(row: Omit<UserRow, 'failed_attempts' | 'locked_until'>): Promise<void> {
      await db.query(
        `INSERT INTO platform.app_user (org_id, id, username, display_name, password_hash, locale, active, is_system,
           password_changed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [row.org_id, row.id, row.username, row.display_name, row.password_hash, row.locale, row.active, row.is_system,
          row.password_changed_at, row.created_at, row.updated_at],
      );
    },
    async setLoginState(orgId: string, id: string, failedAttempts: number, lockedUntil: Date | null, now: Date): Promise<void> {
      await db.query(
        'UPDATE platform.app_user SET failed_attempts = $3, locked_until = $4, updated_at = $5 WHERE org_id = $1 AND id = $2',
        [orgId, id, failedAttempts, lockedUntil, now],
      );
    },
    async setPassword(orgId: string, id: string, passwordHash: string, now: Date): Promise<void> {
      await db.query(
        `UPDATE platform.app_user SET password_hash = $3, password_changed_at = $4, updated_at = $4, failed_attempts = 0, locked_until = NULL
          WHERE org_id = $1 AND id = $2`,
        [orgId, id, passwordHash, now],
      );
    },
    async replaceRoles(orgId: string, userId: string, roles: string[], newId: () => string): Promise<void> {
      await db.query('DELETE FROM platform.user_role WHERE org_id = $1 AND user_id = $2 AND NOT (role_key = ANY($3))', [orgId, userId, roles]);
      for (const role of roles) {
        await db.query(
          `INSERT INTO platform.user_role (org_id, id, user_id, role_key) VALUES ($1, $2, $3, $4)
           ON CONFLICT (org_id, user_id, role_key) DO NOTHING`,
          [orgId, newId(), userId, role],
        );
      }
    },
  };
}
