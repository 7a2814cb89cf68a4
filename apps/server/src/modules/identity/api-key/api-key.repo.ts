import type { Queryable } from '../../../platform/db/db.ts';

export interface ApiKeyRow {
  org_id: string;
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  active: boolean;
  created_at: Date;
}

export function apiKeyRepo(db: Queryable) {
  return {
    async insert(row: ApiKeyRow): Promise<void> {
      await db.query(
        'INSERT INTO platform.api_key (org_id, id, user_id, name, prefix, key_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [row.org_id, row.id, row.user_id, row.name, row.prefix, row.key_hash, row.active, row.created_at],
      );
    },
    async activeByHash(keyHash: string): Promise<ApiKeyRow | undefined> {
      return (await db.query<ApiKeyRow>('SELECT * FROM platform.api_key WHERE key_hash = $1 AND active', [keyHash])).rows[0];
    },
    async list(orgId: string): Promise<ApiKeyRow[]> {
      return (await db.query<ApiKeyRow>('SELECT * FROM platform.api_key WHERE org_id = $1 ORDER BY created_at', [orgId])).rows;
    },
    async deactivate(orgId: string, id: string): Promise<number> {
      return (await db.query('UPDATE platform.api_key SET active = false WHERE org_id = $1 AND id = $2 AND active', [orgId, id])).rowCount;
    },
  };
}
