// Posting throughput of a simple command through the bus (chain on and off) against the same
// rows written by raw SQL through the same driver, in the same process and run; and startup time.
// Usage: node --import tsx bench/platform-posting.ts [--db pglite|postgresql] [--count N] [--clients 1,8]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createCore } from '../apps/server/src/app.ts';
import { bootstrap } from '../apps/server/src/bootstrap.ts';
import { systemActor } from '../apps/server/src/platform/authz/actor.ts';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import { openPglite } from '../apps/server/src/platform/db/pglite.ts';
import { openPostgres } from '../apps/server/src/platform/db/postgres.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgresql' },
    count: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '1,8' },
    url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const count = Number(values.count);
const clientCounts = values.clients!.split(',').map(Number);

async function freshDatabase(): Promise<{ open: () => Promise<Db>; drop: () => Promise<void> }> {
  if (values.db === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'custodia-bench-'));
    return { open: () => openPglite(dir), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `custodia_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(values.url!);
  url.pathname = `/${name}`;
  return {
    open: () => openPostgres(url.toString(), 16),
    drop: async () => {
      const c = new pg.Client({ connectionString: values.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function timed(clients: number, total: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await work(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2));
  return { perSecond: Math.round(total / seconds), p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) };
}

const database = await freshDatabase();
const results: Record<string, unknown> = {};
try {
  let t = performance.now();
  let db = await database.open();
  let core = createCore(db);
  const { orgId } = await bootstrap(core, 'Bench-password-2026');
  results.startupFreshMs = Math.round(performance.now() - t);
  await db.close();
  t = performance.now();
  db = await database.open();
  core = createCore(db);
  await bootstrap(core, undefined);
  results.startupReopenMs = Math.round(performance.now() - t);

  await db.exec(`CREATE SCHEMA IF NOT EXISTS bench_raw; DROP TABLE IF EXISTS bench_raw.warehouse;
    CREATE TABLE bench_raw.warehouse (LIKE master_data.warehouse INCLUDING ALL)`);
  const system = systemActor(orgId);
  const chainOff = createCore(db, { auditChain: false });
  // Rounds alternate raw / chain on / chain off so that noise on a shared machine hits all three alike.
  const rounds = 3;
  for (const clients of values.db === 'pglite' ? [1] : clientCounts) {
    const series: Record<'raw' | 'chainOn' | 'chainOff', Awaited<ReturnType<typeof timed>>[]> = { raw: [], chainOn: [], chainOff: [] };
    for (let round = 0; round < rounds; round++) {
      const tag = `${clients}C${round}`;
      series.raw.push(await timed(clients, count, (i) =>
        db.transaction((tx) => tx.query('INSERT INTO bench_raw.warehouse (org_id, id, code, name, address, cold_chain) VALUES ($1, $2, $3, $4, $5, false)', [
          orgId, `raw_${tag}_${i}`, `R${tag}-${i}`, '基准仓库', '上海',
        ]))));
      series.chainOn.push(await timed(clients, count, (i) => core.bus.execute('master_data.warehouse.create', { code: `ON${tag}-${i}`, name: '基准仓库', address: '上海' }, system)));
      series.chainOff.push(await timed(clients, count, (i) => chainOff.bus.execute('master_data.warehouse.create', { code: `OFF${tag}-${i}`, name: '基准仓库', address: '上海' }, system)));
    }
    const median = (list: Awaited<ReturnType<typeof timed>>[]) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)];
    const raw = median(series.raw), on = median(series.chainOn), off = median(series.chainOff);
    results[`clients_${clients}`] = {
      rounds, raw, chainOn: on, chainOff: off,
      ratioChainOnToRaw: Number((on.perSecond / raw.perSecond).toFixed(3)),
      chainCost: Number((1 - on.perSecond / off.perSecond).toFixed(3)),
      allRounds: Object.fromEntries(Object.entries(series).map(([k, v]) => [k, v.map((x) => x.perSecond)])),
    };
    console.log(clients, 'clients', JSON.stringify(results[`clients_${clients}`]));
  }
  await db.close();
} finally {
  await database.drop();
}
const record = {
  benchmark: 'platform-posting', date: new Date().toISOString(), database: values.db, count,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  command: 'master_data.warehouse.create (one audited row, command log, chain seal)',
  raw: 'INSERT of the same row into an untriggered copy of the table, one transaction each, same driver',
  results,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/platform-posting-${values.db}-${record.date.slice(0, 10)}.json`, import.meta.url);
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
console.log(JSON.stringify(results));
