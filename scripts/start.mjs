#!/usr/bin/env node
// `npm start`: builds the web UI when its bundle is missing or older than its sources, then starts
// the server (embedded PGlite under DATA_DIR unless DATABASE_URL is set).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');
const bundle = join(web, 'dist/index.html');

function newestSource() {
  let newest = 0;
  for (const dir of ['src', 'index.html', 'vite.config.ts', '../../packages/gs1/src']) {
    const path = join(web, dir);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true }).map((f) => join(path, f)) : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
  console.log('building the web UI…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@custodia/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'apps/server/src/main.ts')], { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
