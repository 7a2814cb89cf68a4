#!/usr/bin/env node
// Runs a test tier with node:test (Node 20 does not glob .ts files, so the files are listed here).
// server: every *.test.ts under apps/server and packages on PGlite, then again on PostgreSQL when
// TEST_DATABASE_URL is set. e2e: the browser tests in e2e/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function find(dir) {
  return readdirSync(join(root, dir), { recursive: true })
    .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
    .map((file) => join(dir, file))
    .sort();
}

function run(label, files, env) {
  if (files.length === 0) return 0;
  console.log(`\n# ${label}: ${files.length} file(s)`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

const tier = process.argv[2];
let failed = 0;
if (tier === 'server') {
  const server = find('apps/server/src');
  const packages = find('packages');
  failed ||= run('server + packages on PGlite', [...packages, ...server], { TEST_DB: 'pglite' });
  if (process.env.TEST_DATABASE_URL) failed ||= run('server on PostgreSQL', server, { TEST_DB: 'postgresql' });
  else console.log('\n# TEST_DATABASE_URL not set: the PostgreSQL pass is skipped (.ci/run sets it)');
} else if (tier === 'e2e') {
  failed ||= run('browser (Chromium)', find('e2e'), {});
} else {
  console.error('usage: run-tests.mjs server|e2e');
  failed = 2;
}
process.exit(failed);
