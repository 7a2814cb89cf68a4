import type { Queryable } from '../../../platform/db/db.ts';

export interface SessionRow {
  org_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  closed_at: Date | null;
}

export function sessionRepo(db: Queryable) {
  return {
    async insert(row: Omit<SessionRow, 'closed_at'>): Promise<void> {
      await db.query(
        'INSERT INTO platform.session (org_id, id, user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [row.org_id, row.id, row.user_id, row.token_hash, row.created_at, row.expires_at],
      );
    },
    async activeByToken(tokenHash: string): Promise<SessionRow | undefined> {
      return (
        await db.query<SessionRow>(
          'SELECT * FROM platform.session WHERE token_hash = $1 AND closed_at IS NULL AND expires_at > now()',
          [tokenHash],
        )
      ).rows[0];
    },
    async close(orgId: string, id: string, now: Date): Promise<void> {
      await db.query('UPDATE platform.session SET closed_at = $3 WHERE org_id = $1 AND id = $2 AND closed_at IS NULL', [orgId, id, now]);
    },
  };
}
