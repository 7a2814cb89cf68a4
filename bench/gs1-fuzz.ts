/**
 * Fuzzes @custodia/gs1 `parse` with random and mutated inputs.
 *
 *   node --import tsx bench/gs1-fuzz.ts [--count N] [--seed S]
 *
 * Crash = any exception that is not a Gs1Error. Hang = one parse slower than 100 ms.
 * Both must be 0. Writes bench/results/gs1-fuzz-<date>.json and prints one summary line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isGs1Error, parse, type ParseOptions } from '@custodia/gs1';

const HANG_MS = 100;
const GS = '\u001d';

/** Valid vectors of every input form; mutations start from these. */
const SEEDS = [
  '(01)09506000134352(17)260331(10)ABC123(21)42',
  `]d2010950600013435217260331` + `10ABC123${GS}2142`,
  `]C1${GS}0109506000134352${GS}17260331${GS}10ABC123${GS}2142${GS}`,
  `]Q30109506000134352112501011726033110L1${GS}21S1`,
  '~010950600013435217260331~10ABC123~2142',
  '(00)006141411234567890(02)09506000134352(37)25(10)ABC123',
  '(01)09506000134352(3103)000195(3922)0299(7003)2603312359(422)156',
  '(8018)123456789012345675(8019)123',
  '(01)09506000134352(21)1(8030)ABCdef-_09==',
  '(414)9520123456788(254)32a/b',
  'https://id.gs1.org/01/09506000134352/10/ABC123/21/42?17=260331',
  'https://example.com/stem/01/9506000134352/22/2A/10/AB%2F1?3103=000195&17=260200',
  'HTTPS://A/00/006141411234567890?02=09520123456788&37=25',
  ']E09520123456788',
  'MA.156.M0.100001.10000018.L2020A01.S0001.M200101.V230101.D88',
  '+A123BJC5D6E71G',
  '+A123BJC5D6E71/$$3260331LOT1',
  '=/A9999XYZ100T0944=,000025=A99971312345600=>014032=}013032&,1000000000000XYZ123',
];

const ALPHABET = [...'0123456789()[]\\/%?&=+.-_~|^:#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ', GS, '\r', '\n', '\u0000', '批', '\uD83D'];
const TOKENS = ['(01)', '(10)', '(17)', '(21)', '(00)', '(37)', '(8030)', ']d2', ']C1', ']Q1', ']E0', 'https://', 'HtTp://', '/01/', '/10/', '?17=', '&', '%2F', '%00', '%', 'MA.', '.L', '.V', '+', '$$', '=/', '&,1', '=>', GS, '\\(', '09506000134352', '260200', '991231'];

/** xorshift32: deterministic and fast. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

function makeGenerator(random: () => number): () => string {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const randomString = (max: number) => {
    let s = '';
    for (let i = int(max); i > 0; i--) s += random() < 0.7 ? pick(ALPHABET) : String.fromCharCode(int(0x800));
    return s;
  };
  const mutate = (input: string): string => {
    let s = input;
    for (let n = 1 + int(4); n > 0; n--) {
      const at = int(s.length + 1);
      switch (int(8)) {
        case 0: s = s.slice(0, at) + pick(ALPHABET) + s.slice(at); break; // insert
        case 1: s = s.slice(0, at) + s.slice(at + 1 + int(3)); break; // delete
        case 2: s = s.slice(0, at) + pick(ALPHABET) + s.slice(at + 1); break; // replace
        case 3: s = s.slice(0, at) + pick(TOKENS) + s.slice(at); break; // splice a token
        case 4: s = s.slice(0, at); break; // truncate
        case 5: s = s + pick(SEEDS); break; // concatenate
        case 6: s = s.slice(0, at) + s.slice(at, at + 1 + int(20)).repeat(1 + int(40)); break; // repeat a chunk
        default: s = s.slice(at) + s.slice(0, at); break; // rotate
      }
    }
    return s;
  };
  return () => {
    const r = random();
    if (r < 0.65) return mutate(pick(SEEDS));
    if (r < 0.8) return randomString(120);
    if (r < 0.95) return Array.from({ length: 1 + int(8) }, () => pick(TOKENS)).join('') + randomString(20);
    return pick(SEEDS).repeat(1 + int(200)); // long inputs, up to and past the length limit
  };
}

interface Failure {
  readonly input: string;
  readonly error: string;
}

function main(argv: string[]): void {
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const count = flag('--count', 1_000_000);
  const seed = flag('--seed', 20250615);
  const next = makeGenerator(rng(seed));
  const optionSets: ParseOptions[] = [{}, { gsSubstitute: '~' }, { strict: true }, { gsSubstitute: '<GS>' }];

  const crashes: Failure[] = [];
  const hangs: Failure[] = [];
  let ok = 0;
  let crashCount = 0;
  let hangCount = 0;
  let slowestMs = 0;
  let parseMs = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const input = next();
    const options = optionSets[i & 3] as ParseOptions;
    const t0 = performance.now();
    try {
      parse(input, options);
      ok++;
    } catch (e) {
      if (!isGs1Error(e)) {
        crashCount++;
        if (crashes.length < 20) crashes.push({ input, error: e instanceof Error ? e.stack ?? e.message : String(e) });
      }
    }
    const ms = performance.now() - t0;
    parseMs += ms;
    if (ms > slowestMs) slowestMs = ms;
    if (ms > HANG_MS) {
      hangCount++;
      if (hangs.length < 20) hangs.push({ input, error: `${ms.toFixed(1)} ms` });
    }
  }
  const wallMs = performance.now() - started;
  const parsesPerSecond = Math.round(count / (parseMs / 1000));
  const date = new Date().toISOString().slice(0, 10);
  const record = {
    date,
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, arch: os.arch(), platform: os.platform(), memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    node: process.version,
    count,
    seed,
    crashes: crashCount,
    hangs: hangCount,
    parsesPerSecond,
    parsesPerSecondWallClock: Math.round(count / (wallMs / 1000)),
    slowestParseMs: Number(slowestMs.toFixed(3)),
    accepted: ok,
    rejectedWithGs1Error: count - ok - crashCount,
    crashSamples: crashes,
    hangSamples: hangs,
  };
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`gs1-fuzz-${date}.json`, dir);
  writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
  process.stdout.write(
    `gs1-fuzz: ${count} inputs, ${crashCount} crashes, ${hangCount} hangs (>${HANG_MS} ms), ` +
    `${parsesPerSecond} parses/s (${record.parsesPerSecondWallClock}/s wall incl. generation), slowest ${record.slowestParseMs} ms, ` +
    `${ok} accepted -> ${file.pathname}\n`,
  );
  process.exitCode = crashCount === 0 && hangCount === 0 ? 0 : 1;
}

main(process.argv.slice(2));
