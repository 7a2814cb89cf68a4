/** `gs1 parse` / `gs1 label` command function (GS1-05, GS1-06, GS1-07, CN-UDI-02). */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { test } from 'node:test';
import { runGs1Cli } from './cli.ts';

async function run(argv: string[], stdinText = '', env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runGs1Cli(argv, { stdin: Readable.from([stdinText]), stdout, stderr, env });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

const TODAY = ['--today', '2025-06-15'];

test('GS1-06: gs1 parse <data> prints one JSON object with ISO dates and returns 0', async () => {
  const { code, stdout } = await run(['gs1', 'parse', '(01)09506000134352(17)260331(10)ABC123(21)42', ...TODAY]);
  assert.equal(code, 0);
  const json = JSON.parse(stdout);
  assert.equal(json.scheme, 'GS1');
  assert.deepEqual(json.elements[0], { ai: '01', value: '09506000134352' });
  assert.equal(json.gtin, '09506000134352');
  assert.equal(json.expiry, '2026-03-31');
  assert.equal(json.lot, 'ABC123');
  assert.equal(json.serial, '42');
  assert.equal(json.hri, '(01)09506000134352(17)260331(10)ABC123(21)42');
  assert.equal(json.digitalLink, 'https://id.gs1.org/01/09506000134352/10/ABC123/21/42?17=260331');
  for (const key of ['productionDate', 'sscc']) assert.ok(key in json, key);
});

test('GS1-01: gs1 parse prints {"error":{code,message,position}} and returns 1; message follows LANG', async () => {
  const en = await run(['parse', '(01)09506000134353'], '', { LANG: 'en_US.UTF-8' });
  assert.equal(en.code, 1);
  assert.deepEqual(JSON.parse(en.stdout), { error: { code: 'GS1_CHECK_DIGIT', message: 'AI (01) has a wrong check digit; expected 2', position: 17 } });
  const zh = await run(['parse', '(01)09506000134353'], '', { LANG: 'zh_CN.UTF-8' });
  assert.equal(JSON.parse(zh.stdout).error.message, '(01) 校验码错误，应为 2');
});

test('GS1-05: gs1 parse - reads one input per line and returns 1 if any failed', async () => {
  const lines = ['(01)09506000134352', 'MA.156.M0.100001.10000018.L1', '', 'nonsense', '~0109506000134352~10A~'].join('\r\n');
  const { code, stdout } = await run(['parse', '-', '--gs-substitute', '~', ...TODAY], lines);
  assert.equal(code, 1);
  const results = stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(results.length, 4);
  assert.equal(results[0].gtin, '09506000134352');
  assert.equal(results[1].scheme, 'MA');
  assert.equal(results[2].error.code, 'GS1_UNKNOWN_SCHEME');
  assert.equal(results[3].lot, 'A');
  const ok = await run(['parse', '-'], '(01)09506000134352\n');
  assert.equal(ok.code, 0);
});

test('GS1-07: gs1 label writes SVG to stdout and PNG to --out; bad usage returns 2', async () => {
  const svg = await run(['label', '(01)09506000134352(10)ABC', '--format', 'svg']);
  assert.equal(svg.code, 0);
  assert.match(svg.stdout, /^<svg /);
  const dir = mkdtempSync(join(tmpdir(), 'gs1-cli-'));
  try {
    const file = join(dir, 'label.png');
    const png = await run(['label', '(01)09506000134352(10)ABC', '--format', 'png', '--symbology', 'datamatrix', '--out', file]);
    assert.equal(png.code, 0);
    assert.deepEqual([...readFileSync(file).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal((await run(['label', '(01)09506000134352', '--format', 'gif'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  const bad = await run(['label', '(01)09506000134353', '--format', 'svg']);
  assert.equal(bad.code, 1);
  assert.equal(JSON.parse(bad.stdout).error.code, 'GS1_CHECK_DIGIT');
});
