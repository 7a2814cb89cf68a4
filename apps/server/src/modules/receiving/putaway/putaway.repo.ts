import type { Queryable } from '../../../platform/db/db.ts';
import { insertRows } from '../shared.repo.ts';

/** SQL of putaway documents. */
export function putawayRepo(db: Queryable) {
  return {
    async insert(row: Record<string, unknown>, lines: Record<string, unknown>[]): Promise<void> {
      const columns = Object.keys(row);
      await insertRows(db, 'receiving.putaway', columns, [columns.map((c) => row[c])]);
      const lineColumns = Object.keys(lines[0]);
      await insertRows(db, 'receiving.putaway_line', lineColumns, lines.map((l) => lineColumns.map((c) => l[c])));
    },
    async get(orgId: string, id: string) {
      const header = (await db.query<Record<string, unknown>>('SELECT * FROM receiving.putaway WHERE org_id = $1 AND id = $2', [orgId, id])).rows[0];
      if (!header) return undefined;
      const lines = (await db.query<Record<string, unknown>>('SELECT * FROM receiving.putaway_line WHERE org_id = $1 AND putaway_id = $2 ORDER BY line_no', [orgId, id])).rows;
      return { header, lines };
    },
    async list(orgId: string, limit: number, offset: number) {
      return (await db.query<Record<string, unknown>>('SELECT * FROM receiving.putaway WHERE org_id = $1 ORDER BY number DESC LIMIT $2 OFFSET $3', [orgId, limit, offset])).rows;
    },
  };
}
