import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sharedParsers, type Db, type Queryable } from './db.ts';

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query(sql, params) {
      const result = await q.query(sql, params as unknown[]);
      return { rows: result.rows as never[], rowCount: result.affectedRows || result.rows.length };
    },
    async exec(sql) {
      await q.exec(sql);
    },
  };
}

/** Opens (or creates) an embedded database. `dataDir` undefined means in memory. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  // PGlite.create does not create parent folders.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir, parsers: sharedParsers, loadDataDir });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
    // Exposed for test cloning; not part of Db.
    ...({ raw: pg } as object),
  };
}

export function rawPglite(db: Db): PGlite | undefined {
  return (db as unknown as { raw?: PGlite }).raw;
}
