import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createCore, type Core, type CoreOptions } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import type { Db } from '../platform/db/db.ts';
import { listMigrations } from '../platform/db/migrate.ts';
import { businessDay } from '../platform/calendar.ts';
import { openPglite, rawPglite } from '../platform/db/pglite.ts';
import { openPostgres } from '../platform/db/postgres.ts';
import { systemActor, type Actor } from '../platform/authz/actor.ts';
import { actorFromUser, userRepo } from '../modules/identity/index.ts';

export { DEMO_PASSWORD };

/** Which database the server suite runs on: TEST_DB=postgresql needs TEST_DATABASE_URL. */
export function testDatabaseKind(): 'pglite' | 'postgresql' {
  return process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'pglite';
}

export interface TestCore extends Core {
  orgId: string;
  system: Actor;
  actor(username: string): Promise<Actor>;
  close(): Promise<void>;
}

// The template is keyed by the migrations and the server code that seeds it, so any change rebuilds it.
function templateKey(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(m.name).update(m.sql);
  const src = fileURLToPath(new URL('..', import.meta.url));
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  for (const file of files) hash.update(file).update(readFileSync(join(src, file)));
  // Demo data is dated relative to its load day ("expires in 20 days"): a new day, a new template.
  hash.update(businessDay());
  return hash.digest('hex').slice(0, 16);
}

async function seed(db: Db): Promise<void> {
  const core = createCore(db);
  const { orgId } = await bootstrap(core, DEMO_PASSWORD);
  await loadDemoData(core, orgId);
}

/** Migrated, bootstrapped database with demo data, cloned from a cached template (DESIGN §5). */
async function openPgliteClone(): Promise<Db> {
  const dir = join(tmpdir(), 'custodia-test-templates');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-${templateKey()}.tar.gz`);
  if (!existsSync(file)) {
    const db = await openPglite();
    await seed(db);
    const dump = await rawPglite(db)!.dumpDataDir('gzip');
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
    await db.close();
  }
  return openPglite(undefined, new Blob([readFileSync(file)]));
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function openPostgresClone(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB=postgresql needs TEST_DATABASE_URL');
  const template = `custodia_tpl_${templateKey()}`;
  const name = `custodia_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(424242)');
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount;
    if (!exists) {
      await admin.query(`CREATE DATABASE ${template}`);
      const db = await openPostgres(withDatabase(base, template), 2);
      try {
        await seed(db);
      } catch (error) {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${template}`);
        throw error;
      }
      await db.close();
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.query('SELECT pg_advisory_unlock(424242)');
  } finally {
    await admin.end();
  }
  const db = await openPostgres(withDatabase(base, name), 8);
  return {
    db,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A core on a fresh clone of the seeded template, on the database the suite runs on. */
export async function createTestCore(options: CoreOptions = {}): Promise<TestCore> {
  let db: Db;
  let drop = async () => {};
  if (testDatabaseKind() === 'postgresql') ({ db, drop } = await openPostgresClone());
  else db = await openPgliteClone();
  const core = createCore(db, { dispatcher: { baseDelayMs: 20, maxDelayMs: 200, pollIntervalMs: 50, timeoutMs: 2000, maxAttempts: 3 }, ...options });
  const orgId = (await db.query<{ org_id: string }>('SELECT org_id FROM platform.org LIMIT 1')).rows[0].org_id;
  return {
    ...core,
    orgId,
    system: systemActor(orgId),
    async actor(username: string) {
      const [user] = await userRepo(db).byUsername(username);
      if (!user) throw new Error(`no user ${username}`);
      return actorFromUser(user, 'user');
    },
    async close() {
      await core.dispatcher.stop();
      await db.close();
      await drop();
    },
  };
}
