import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegistry, modules } from './app.ts';
import { createTestCore, type TestCore } from './testing/harness.ts';
import { openApiText, permissionsText, repoRoot } from './cli/generate.ts';

/** Tables that are not business records: their writes are guarded or insert-only instead of row-audited. */
const NOT_ROW_AUDITED: Record<string, string> = {
  'platform.schema_migration': 'migration bookkeeping, written only by `custodia migrate`',
  'platform.number_series': 'counter; guarded (command only), the documents it numbers are audited',
  'platform.webhook_delivery': 'delivery state of the dispatcher after commit; the event itself is in platform.outbox',
  'platform.signature': 'insert-only; sealed through the command digest',
  'platform.approval': 'insert-only; sealed through the command digest',
  'platform.outbox': 'insert-only; sealed through the command digest',
  'inventory.movement': 'the stock ledger (insert-only); chained through its audited event digests',
  'inventory.balance': 'projection of the ledger; guarded (command only) and checked by custodia inventory verify',
  'receiving.received_unit': 'serials of a receipt line (10,000 per lot); insert-only, counted by the audited receipt line (serial_count) and sealed through the command digest',
  'receiving.aggregation': 'SSCC parent → child links written with the audited receipt; insert-only, command only',
  'audit.row_change': 'the audit trail itself (insert-only)',
  'audit.command_log': 'the audit trail itself (insert-only)',
  'audit.chain_anchor': 'stream tips recorded by a periodic command (insert-only)',
};
const INSERT_ONLY = ['audit.row_change', 'audit.command_log', 'audit.chain_anchor', 'platform.signature', 'platform.approval', 'platform.outbox', 'platform.file', 'inventory.movement', 'inventory.event', 'inventory.expiry_notice', 'receiving.received_unit', 'receiving.aggregation'];

describe('architecture', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
  });
  after(() => core.close());

  async function tables(): Promise<{ name: string; triggers: string[]; functions: string[]; pk: string[]; hasOrg: boolean }[]> {
    const rows = (await core.db.query<{ name: string; triggers: string[] | null; functions: string[] | null; pk: string[] | null; has_org: boolean }>(`
      SELECT n.nspname || '.' || c.relname AS name,
             (SELECT array_agg(t.tgname::text) FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS triggers,
             (SELECT array_agg(p.proname::text) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS functions,
             (SELECT array_agg(a.attname::text) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
               WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped) AS has_org
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`)).rows;
    return rows.map((r) => ({ name: r.name, triggers: r.triggers ?? [], functions: r.functions ?? [], pk: r.pk ?? [], hasOrg: r.has_org }));
  }

  test('US-P11-01: every business table has the audit trigger', async () => {
    for (const table of await tables()) {
      if (table.name in NOT_ROW_AUDITED) continue;
      assert.ok(table.functions.includes('record_row_change'), `${table.name} has no audit trigger`);
    }
  });

  test('every business table carries org_id in its primary key (distribution key)', async () => {
    for (const table of await tables()) {
      if (table.name.startsWith('audit.') || table.name === 'platform.schema_migration') continue;
      assert.ok(table.hasOrg, `${table.name} lacks org_id`);
      assert.ok(table.pk.includes('org_id'), `${table.name} primary key lacks org_id`);
    }
  });

  test('every unique key of a business table includes org_id', async () => {
    const rows = (await core.db.query<{ name: string; index: string; columns: string[] }>(`
      SELECT n.nspname || '.' || c.relname AS name, ic.relname AS index,
             (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY(i.indkey)) AS columns
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE i.indisunique AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'audit')
         AND c.relname <> 'schema_migration'`)).rows;
    for (const row of rows) assert.ok(row.columns.includes('org_id'), `${row.name} unique index ${row.index} lacks org_id`);
  });

  test('US-P11-01: audit and ledger tables refuse UPDATE and DELETE; other non-audited tables refuse writes outside a command', async () => {
    const all = await tables();
    for (const name of INSERT_ONLY) {
      const table = all.find((t) => t.name === name)!;
      assert.ok(table.functions.includes('refuse_change'), `${name} is not insert-only`);
    }
    for (const name of Object.keys(NOT_ROW_AUDITED)) {
      if (['platform.schema_migration', 'platform.webhook_delivery'].includes(name)) continue;
      const table = all.find((t) => t.name === name)!;
      assert.ok(table.functions.includes('require_command'), `${name} does not require a command`);
    }
  });

  test('every command is in the permission catalog or runs only as the system; every route names a registered operation', () => {
    const registry = buildRegistry();
    const catalog = new Set(registry.permissionKeys());
    for (const command of registry.commands.values()) {
      assert.ok(command.access === 'system' || catalog.has(command.name), command.name);
      assert.match(command.name, /^[a-z_]+\.[a-z_]+\.[a-z_]+$/, `command name ${command.name}`);
    }
    for (const module of modules) {
      for (const row of module.routes) {
        if (row.command) {
          const command = registry.commands.get(row.command);
          assert.ok(command, `route ${row.path} names unknown command ${row.command}`);
          assert.notEqual(command.access, 'system', `system command ${row.command} must not be routed`);
        } else assert.ok(registry.queries.get(row.query!), `route ${row.path} names unknown query ${row.query}`);
      }
    }
  });

  test('no module imports another module’s internals (only its index.ts)', () => {
    const src = dirname(fileURLToPath(import.meta.url));
    const modulesDir = join(src, 'modules');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const offences: string[] = [];
    for (const file of files) {
      const path = join(src, file);
      const own = relative(modulesDir, path).split('/')[0];
      for (const match of readFileSync(path, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = relative(modulesDir, resolve(dirname(path), match[1]));
        if (target.startsWith('..')) continue;
        const [module, ...rest] = target.split('/');
        if (module !== own && rest.join('/') !== 'index.ts') offences.push(`${file} → ${target}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  test('the committed OpenAPI document and permission table match the registry (npm run gen)', () => {
    assert.equal(readFileSync(join(repoRoot, 'docs/openapi.json'), 'utf8'), openApiText(), 'docs/openapi.json is stale: run npm run gen');
    assert.equal(readFileSync(join(repoRoot, 'docs/permissions.md'), 'utf8'), permissionsText(), 'docs/permissions.md is stale: run npm run gen');
  });
});
