import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../platform/db/db.ts';
import { openPglite } from '../platform/db/pglite.ts';
import { openPostgres } from '../platform/db/postgres.ts';
import { testDatabaseKind } from '../testing/harness.ts';

const bin = fileURLToPath(new URL('../../bin/custodia.mjs', import.meta.url));

/** `custodia …` as a user runs it, against DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL). */
describe(`custodia CLI on ${testDatabaseKind()}`, () => {
  let env: Record<string, string>;
  let open: () => Promise<Db>;
  let cleanup: () => Promise<void>;

  before(async () => {
    if (testDatabaseKind() === 'postgresql') {
      const base = process.env.TEST_DATABASE_URL!;
      const name = `custodia_cli_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      env = { DATABASE_URL: url.toString() };
      open = () => openPostgres(url.toString(), 1);
      cleanup = async () => {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'custodia-cli-'));
      env = { DATA_DIR: dir };
      open = () => openPglite(dir);
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
  });
  after(() => cleanup());

  function custodia(...args: string[]) {
    return spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8', timeout: 120_000 });
  }

  test('migrate, then demo data into the new database', () => {
    const migrated = custodia('migrate');
    assert.equal(migrated.status, 0, migrated.stderr);
    assert.match(migrated.stdout, /applied \d+ migration/);
    assert.match(custodia('migrate').stdout, /up to date/);
    const demo = custodia('demo');
    assert.equal(demo.status, 0, demo.stderr);
    assert.equal(custodia('demo').status, 1, 'demo data goes only into a new database');
  });

  test('US-P11-01: audit verify passes on an intact trail with a one-line summary', () => {
    const result = custodia('audit', 'verify');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout.trim(), /^audit trail intact: \d+ commands, \d+ row changes, \d+ streams$/);
  });

  test('US-P11-01: audit verify fails and names the entry after a row is altered by the database owner', async () => {
    const db = await open();
    let victim: string;
    try {
      victim = (await db.query<{ command_id: string }>(`SELECT command_id FROM audit.row_change WHERE table_name = 'master_data.party' ORDER BY id LIMIT 1`)).rows[0].command_id;
      await db.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit.row_change DISABLE TRIGGER USER');
        await tx.query(`UPDATE audit.row_change SET after = jsonb_set(after, '{name}', '"伪造的供应商"') WHERE command_id = $1`, [victim]);
        await tx.query('ALTER TABLE audit.row_change ENABLE TRIGGER USER');
      });
    } finally {
      await db.close();
    }
    const result = custodia('audit', 'verify');
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`BROKEN at audit\\.row_change ${victim!}`));
  });

  test('an unknown command prints the usage and exits 2', () => {
    const result = custodia('frobnicate');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /custodia audit verify/);
  });
});
