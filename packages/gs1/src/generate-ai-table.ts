/**
 * Generates src/ai-table.generated.ts from the GS1 Barcode Syntax Dictionary.
 *
 *   node --import tsx packages/gs1/src/generate-ai-table.ts [--dictionary <file>] [--check]
 *
 * --check exits 1 when the committed module differs from what would be generated.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AiEntry } from './ai-types.ts';
import { parseDictionary } from './dictionary-parser.ts';
import { LINTERS } from './linters.ts';

export const DEFAULT_DICTIONARY = fileURLToPath(new URL('../dictionary/gs1-syntax-dictionary.txt', import.meta.url));
export const GENERATED_MODULE = fileURLToPath(new URL('./ai-table.generated.ts', import.meta.url));

/** Upstream commit of the vendored dictionary (see dictionary/README in NOTICE). */
export const DICTIONARY_COMMIT = 'ff2eb4bfc8f647aa3244626bdb875165d067a3e6';

export function unknownLinters(entries: readonly AiEntry[]): string[] {
  const names = new Set(entries.flatMap((e) => e.components.flatMap((c) => c.linters)));
  return [...names].filter((name) => !(name in LINTERS)).sort();
}

export function renderAiTableModule(dictionaryText: string): string {
  const { entries, notice } = parseDictionary(dictionaryText);
  const unknown = unknownLinters(entries);
  if (unknown.length > 0) throw new Error(`Dictionary uses linters without an implementation: ${unknown.join(', ')}`);
  const header = [
    '// GENERATED FILE - do not edit. Regenerate with:',
    '//   node --import tsx packages/gs1/src/generate-ai-table.ts',
    '//',
    `// Source: GS1 Barcode Syntax Dictionary, github.com/gs1/gs1-syntax-dictionary @ ${DICTIONARY_COMMIT}`,
    '// (vendored in packages/gs1/dictionary/). Notice of the source file:',
    '//',
    ...notice.map((line) => `//   ${line}`.trimEnd()),
    '',
    "import type { AiEntry } from './ai-types.ts';",
    '',
    `export const DICTIONARY_COMMIT = '${DICTIONARY_COMMIT}';`,
    '',
    'export const AI_TABLE: readonly AiEntry[] = [',
    ...entries.map((e) => `  ${JSON.stringify(e)},`),
    '];',
    '',
  ];
  return header.join('\n');
}

function main(argv: string[]): number {
  const dictIndex = argv.indexOf('--dictionary');
  const dictionaryPath = dictIndex >= 0 ? argv[dictIndex + 1] : DEFAULT_DICTIONARY;
  if (!dictionaryPath) throw new Error('--dictionary needs a file');
  const output = renderAiTableModule(readFileSync(dictionaryPath, 'utf8'));
  if (argv.includes('--check')) {
    const current = readFileSync(GENERATED_MODULE, 'utf8');
    if (current !== output) {
      process.stderr.write('ai-table.generated.ts is out of date; run the generator.\n');
      return 1;
    }
    process.stdout.write('ai-table.generated.ts is up to date.\n');
    return 0;
  }
  writeFileSync(GENERATED_MODULE, output);
  process.stdout.write(`Wrote ${GENERATED_MODULE}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
