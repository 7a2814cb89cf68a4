/**
 * Bracketed HRI input `(01)09506000134352(17)260331(10)ABC123` (GS1-06).
 * A literal "(" inside a value is written "\(" (as in the GS1 syntax engine).
 * Blanks around elements are tolerated because printed HRI is often copied with them;
 * no GS1 character set contains a blank, so nothing is lost.
 */
import { lookupAi } from './ai-table.ts';
import { Gs1Error } from './errors.ts';
import { MAX_ELEMENTS, type LocatedElement } from './validate.ts';

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

function trimBlanksEnd(s: string): string {
  let end = s.length;
  while (end > 0 && isBlank(s[end - 1])) end--;
  return s.slice(0, end);
}

export function parseBracketed(data: string, base: number): LocatedElement[] {
  const elements: LocatedElement[] = [];
  let i = 0;
  while (i < data.length) {
    while (isBlank(data[i])) i++;
    if (i >= data.length) break;
    if (data[i] !== '(') throw new Gs1Error('GS1_BAD_BRACKETS', base + i);
    if (elements.length === MAX_ELEMENTS) throw new Gs1Error('GS1_TOO_MANY_ELEMENTS', base + i);
    const close = data.indexOf(')', i + 1);
    const ai = close < 0 ? '' : data.slice(i + 1, close);
    if (close < 0 || close - i > 5) throw new Gs1Error('GS1_BAD_BRACKETS', base + i);
    if (!lookupAi(ai)) throw new Gs1Error('GS1_UNKNOWN_AI', base + i + 1, { ai });

    let j = close + 1;
    while (isBlank(data[j])) j++;
    const valuePosition = j;
    let value = '';
    for (;;) {
      const next = data.indexOf('(', j);
      const end = next < 0 ? data.length : next;
      if (next > 0 && data[next - 1] === '\\') {
        value += data.slice(j, next - 1) + '(';
        j = next + 1;
        continue;
      }
      value += data.slice(j, end);
      j = end;
      break;
    }
    value = trimBlanksEnd(value);
    if (value.length === 0) throw new Gs1Error('GS1_EMPTY_VALUE', base + valuePosition, { ai });
    elements.push({ ai, value, position: base + i, valuePosition: base + valuePosition });
    i = j;
  }
  if (elements.length === 0) throw new Gs1Error('GS1_EMPTY_INPUT', base);
  return elements;
}
