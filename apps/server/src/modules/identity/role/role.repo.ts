import type { Queryable } from '../../../platform/db/db.ts';

export interface RoleRow {
  org_id: string;
  id: string;
  key: string;
  name_zh: string;
  name_en: string;
  permissions: string[];
}

export function roleRepo(db: Queryable) {
  return {
    async list(orgId: string): Promise<RoleRow[]> {
      return (await db.query<RoleRow>('SELECT * FROM platform.role WHERE org_id = $1 ORDER BY key', [orgId])).rows;
    },
    async keys(orgId: string): Promise<string[]> {
      return (await db.query<{ key: string }>('SELECT key FROM platform.role WHERE org_id = $1', [orgId])).rows.map((r) => r.key);
    },
    async upsert(row: RoleRow): Promise<void> {
      await db.query(
        `INSERT INTO platform.role (org_id, id, key, name_zh, name_en, permissions) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (org_id, key) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, permissions = EXCLUDED.permissions
         WHERE role.permissions IS DISTINCT FROM EXCLUDED.permissions OR role.name_zh IS DISTINCT FROM EXCLUDED.name_zh`,
        [row.org_id, row.id, row.key, row.name_zh, row.name_en, row.permissions],
      );
    },
  };
}
