/**
 * `custodia gs1 …` commands, as a function the server CLI wires in.
 *
 *   gs1 parse <data> [--gs-substitute <c>] [--today yyyy-mm-dd] [--domain <dl stem>]
 *   gs1 parse -                      one input per line from stdin, one JSON per line
 *   gs1 label <data> --format png|svg [--out file] [--symbology gs1-128|datamatrix]
 */
import { Gs1Error, isGs1Error, type LocalizedMessage } from './errors.ts';
import { renderLabel, type LabelSymbology } from './label.ts';
import { tryParse, type ParseOptions } from './parse.ts';

/**
 * Structural stream types, satisfied by process.stdin/stdout/stderr, so that
 * this module does not need Node's global types (the web app imports the package).
 */
export interface CliIo {
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly stdout: { write(chunk: string | Uint8Array): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Defaults to process.env; LANG starting with "zh" selects Chinese messages. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

type Env = Readonly<Record<string, string | undefined>>;
const processEnv = (): Env => (globalThis as { process?: { env?: Env } }).process?.env ?? {};

/** Variable specifier: resolved at run time under Node only (see label.ts). */
const FS_MODULE = 'node:fs/promises';

const USAGE = `Usage:
  gs1 parse <data> [--gs-substitute <c>] [--today yyyy-mm-dd] [--domain <stem>]
  gs1 parse -            (one input per line on stdin)
  gs1 label <data> --format png|svg [--out <file>] [--symbology gs1-128|datamatrix]
`;

const SYMBOLOGIES: Record<string, LabelSymbology> = {
  'gs1-128': 'gs1-128',
  datamatrix: 'gs1datamatrix',
  gs1datamatrix: 'gs1datamatrix',
};

interface Args {
  readonly positional: string[];
  readonly flags: Map<string, string>;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      else flags.set(arg.slice(2), argv[++i] ?? '');
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

export async function runGs1Cli(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? processEnv();
  const language: keyof LocalizedMessage = (env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const args = parseArgs(argv[0] === 'gs1' ? argv.slice(1) : argv);
  const [command, data] = args.positional;
  const errorLine = (e: Gs1Error) =>
    JSON.stringify({ error: { code: e.code, message: e.message[language], position: e.position } }) + '\n';

  const options = parseOptions(args.flags);
  if (isGs1Error(options)) {
    io.stdout.write(errorLine(options));
    return 1;
  }
  if (command === 'parse' && data === '-') return parseLines(io, options, errorLine);
  if (command === 'parse' && data !== undefined) {
    const result = tryParse(data, options);
    io.stdout.write(result.ok ? JSON.stringify(result.value) + '\n' : errorLine(result.error));
    return result.ok ? 0 : 1;
  }
  if (command === 'label' && data !== undefined) return label(data, args.flags, options, io, errorLine);
  io.stderr.write(USAGE);
  return 2;
}

function parseOptions(flags: Map<string, string>): ParseOptions | Gs1Error {
  const today = flags.get('today');
  const todayDate = today === undefined ? undefined : new Date(`${today}T00:00:00Z`);
  if (todayDate && Number.isNaN(todayDate.getTime())) return new Gs1Error('GS1_BAD_FIELD', 0, { detail: `--today ${today}` });
  const gsSubstitute = flags.get('gs-substitute');
  const dlDomain = flags.get('domain');
  return {
    ...(todayDate ? { today: todayDate } : {}),
    ...(gsSubstitute ? { gsSubstitute } : {}),
    ...(dlDomain ? { dlDomain } : {}),
  };
}

async function parseLines(io: CliIo, options: ParseOptions, errorLine: (e: Gs1Error) => string): Promise<number> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  let failed = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const result = tryParse(line, options);
    failed ||= !result.ok;
    io.stdout.write(result.ok ? JSON.stringify(result.value) + '\n' : errorLine(result.error));
  }
  return failed ? 1 : 0;
}

async function label(
  data: string, flags: Map<string, string>, options: ParseOptions, io: CliIo, errorLine: (e: Gs1Error) => string,
): Promise<number> {
  const format = flags.get('format') ?? 'svg';
  const symbology = SYMBOLOGIES[flags.get('symbology') ?? 'gs1-128'];
  if ((format !== 'png' && format !== 'svg') || !symbology) {
    io.stderr.write(USAGE);
    return 2;
  }
  try {
    const image = await renderLabel(data, { ...options, symbology, format });
    const out = flags.get('out');
    if (out) {
      const fs = (await import(/* @vite-ignore */ FS_MODULE)) as { writeFile(path: string, data: string | Uint8Array): Promise<void> };
      await fs.writeFile(out, image);
    } else {
      io.stdout.write(image);
    }
    return 0;
  } catch (e) {
    if (isGs1Error(e)) io.stdout.write(errorLine(e));
    else io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
