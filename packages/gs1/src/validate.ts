/** Validation shared by every GS1 input form: values (GS1-01/02/04) and associations (GS1-03). */
import { lookupAi, valueLengthRange } from './ai-table.ts';
import type { AiEntry } from './ai-types.ts';
import { firstInvalidChar } from './charsets.ts';
import { Gs1Error } from './errors.ts';
import { CHECK_DIGIT_LINTERS, LINTERS, type LintContext } from './linters.ts';

export interface Element {
  readonly ai: string;
  readonly value: string;
}

/** An element with where it came from in the input, for error positions. */
export interface LocatedElement extends Element {
  readonly position: number;
  readonly valuePosition: number;
}

/** Same limit as the reference engine; keeps association checks small. */
export const MAX_ELEMENTS = 64;

/** Checks lengths, character sets and linters of one value, component by component. */
export function validateValue(entry: AiEntry, value: string, valuePosition: number, ctx: LintContext): void {
  const { ai } = entry;
  if (value.length === 0) throw new Gs1Error('GS1_EMPTY_VALUE', valuePosition, { ai });
  const range = valueLengthRange(entry);
  if (value.length < range.min) throw new Gs1Error('GS1_VALUE_TOO_SHORT', valuePosition + value.length, { ai });
  if (value.length > range.max) throw new Gs1Error('GS1_VALUE_TOO_LONG', valuePosition + range.max, { ai });

  let offset = 0;
  for (const component of entry.components) {
    const part = value.slice(offset, offset + component.max);
    if (part.length === 0 && component.optional) continue;
    if (part.length < component.min) throw new Gs1Error('GS1_VALUE_TOO_SHORT', valuePosition + value.length, { ai });
    const bad = firstInvalidChar(part, component.charset);
    if (bad >= 0) throw new Gs1Error('GS1_BAD_CHARACTER', valuePosition + offset + bad, { ai });
    for (const name of component.linters) {
      if (ctx.skipCheckDigits && CHECK_DIGIT_LINTERS.has(name)) continue;
      const linter = LINTERS[name];
      const failure = linter ? linter(part, ctx) : null;
      if (failure) {
        const params = failure.detail === undefined ? { ai } : { ai, detail: failure.detail };
        throw new Gs1Error(failure.code, valuePosition + offset + failure.offset, params);
      }
    }
    offset += part.length;
  }
  if (offset < value.length) throw new Gs1Error('GS1_VALUE_TOO_LONG', valuePosition + offset, { ai });
}

/** `31nn` matches any AI of the same length whose other digits agree. */
export function matchesPattern(ai: string, pattern: string): boolean {
  if (ai.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== 'n' && pattern[i] !== ai[i]) return false;
  }
  return true;
}

/** Whether an AI other than `self` matching the pattern is present ("not exclusive of itself"). */
function present(ais: ReadonlySet<string>, pattern: string, self: string): string | undefined {
  for (const ai of ais) if (ai !== self && matchesPattern(ai, pattern)) return ai;
  return undefined;
}

/** Duplicates with different values, then `req=` and `ex=` rules of every AI. */
export function validateAssociations(elements: readonly LocatedElement[]): void {
  const firstValue = new Map<string, string>();
  for (const e of elements) {
    const seen = firstValue.get(e.ai);
    if (seen !== undefined && seen !== e.value) throw new Gs1Error('GS1_DUPLICATE_AI', e.position, { ai: e.ai });
    firstValue.set(e.ai, e.value);
  }
  const ais = new Set(firstValue.keys());
  const checked = new Set<string>();
  for (const e of elements) {
    if (checked.has(e.ai)) continue;
    checked.add(e.ai);
    const entry = lookupAi(e.ai);
    if (!entry) continue;
    for (const patterns of entry.ex) {
      for (const pattern of patterns) {
        const clash = present(ais, pattern, e.ai);
        if (clash) throw new Gs1Error('GS1_INVALID_ASSOCIATION', e.position, { ai: e.ai, detail: `(${clash})` });
      }
    }
    for (const alternatives of entry.req) {
      const satisfied = alternatives.some((group) => group.every((p) => present(ais, p, e.ai) !== undefined));
      if (!satisfied) {
        const detail = alternatives.map((g) => g.map((p) => `(${p})`).join('+')).join(' / ');
        throw new Gs1Error('GS1_MISSING_ASSOCIATION', e.position, { ai: e.ai, detail });
      }
    }
  }
}

/** Full validation of a list of located elements. */
export function validateElements(elements: readonly LocatedElement[], ctx: LintContext): void {
  if (elements.length > MAX_ELEMENTS) throw new Gs1Error('GS1_TOO_MANY_ELEMENTS', elements[MAX_ELEMENTS]?.position ?? 0);
  for (const e of elements) {
    const entry = lookupAi(e.ai);
    if (!entry) throw new Gs1Error('GS1_UNKNOWN_AI', e.position, { ai: e.ai });
    validateValue(entry, e.value, e.valuePosition, ctx);
  }
  validateAssociations(elements);
}
