/**
 * Raw element strings as scanners send them: AI+value pairs, a GS (ASCII 29)
 * after variable-length values, nothing after predefined-length ones (GS1-05).
 */
import { matchAiAt, valueLengthRange } from './ai-table.ts';
import { Gs1Error } from './errors.ts';
import { MAX_ELEMENTS, type LocatedElement } from './validate.ts';

export const GS = '\u001d';

export interface SplitOptions {
  /** Reject a leading GS (strict GS1); default tolerates it as many scanners send one. */
  readonly strict?: boolean;
}

/** Splits an element string into located elements; `base` is the index of `data` in the input. */
export function splitElementString(data: string, base: number, options: SplitOptions = {}): LocatedElement[] {
  const elements: LocatedElement[] = [];
  let i = 0;
  if (data.startsWith(GS)) {
    if (options.strict) throw new Gs1Error('GS1_UNEXPECTED_SEPARATOR', base);
    i = 1;
  }
  if (i >= data.length) throw new Gs1Error('GS1_EMPTY_INPUT', base);
  while (i < data.length) {
    if (data[i] === GS) throw new Gs1Error('GS1_UNEXPECTED_SEPARATOR', base + i);
    if (elements.length === MAX_ELEMENTS) throw new Gs1Error('GS1_TOO_MANY_ELEMENTS', base + i);
    const entry = matchAiAt(data, i);
    if (!entry) throw new Gs1Error('GS1_UNKNOWN_AI', base + i, { ai: data.slice(i, i + 4).replace(/\D.*$/, '') });
    const valueStart = i + entry.ai.length;
    let valueEnd: number;
    if (entry.fixedLength) {
      valueEnd = valueStart + valueLengthRange(entry).max;
      const gs = data.slice(valueStart, valueEnd).indexOf(GS);
      if (gs >= 0 || valueEnd > data.length) {
        throw new Gs1Error('GS1_VALUE_TOO_SHORT', base + (gs >= 0 ? valueStart + gs : data.length), { ai: entry.ai });
      }
    } else {
      const gs = data.indexOf(GS, valueStart);
      valueEnd = gs >= 0 ? gs : data.length;
    }
    const value = data.slice(valueStart, valueEnd);
    if (value.length === 0) throw new Gs1Error('GS1_EMPTY_VALUE', base + valueStart, { ai: entry.ai });
    elements.push({ ai: entry.ai, value, position: base + i, valuePosition: base + valueStart });
    // A GS after any value is consumed; a trailing GS is tolerated (GS1-05).
    i = data[valueEnd] === GS ? valueEnd + 1 : valueEnd;
  }
  return elements;
}
