/** Lookups over the generated AI table. */
import type { AiEntry } from './ai-types.ts';
import { AI_TABLE } from './ai-table.generated.ts';

export { AI_TABLE };
export type { AiComponent, AiEntry, Charset } from './ai-types.ts';

const BY_AI = new Map<string, AiEntry>(AI_TABLE.map((e) => [e.ai, e]));

/**
 * AI length by its first two digits. GS1 allocates AIs so that all AIs
 * sharing a two-digit prefix have the same length; the table test checks it.
 */
const LENGTH_BY_PREFIX = new Uint8Array(100);
for (const e of AI_TABLE) LENGTH_BY_PREFIX[Number(e.ai.slice(0, 2))] = e.ai.length;

export function lookupAi(ai: string): AiEntry | undefined {
  return BY_AI.get(ai);
}

export function aiLengthForPrefix(prefix: number): number {
  return LENGTH_BY_PREFIX[prefix] ?? 0;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** The known AI at `pos` in an element string, or undefined. */
export function matchAiAt(data: string, pos: number): AiEntry | undefined {
  const d0 = data.charCodeAt(pos);
  const d1 = data.charCodeAt(pos + 1);
  if (!isDigitCode(d0) || !isDigitCode(d1)) return undefined;
  const length = LENGTH_BY_PREFIX[(d0 - 48) * 10 + (d1 - 48)] ?? 0;
  if (length === 0 || pos + length > data.length) return undefined;
  return BY_AI.get(data.slice(pos, pos + length));
}

/** Total value length limits from the component specs. */
export function valueLengthRange(entry: AiEntry): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const c of entry.components) {
    if (!c.optional) min += c.min;
    max += c.max;
  }
  return { min, max };
}

export function isPrimaryKey(ai: string): boolean {
  return BY_AI.get(ai)?.dlpkey != null;
}
