/**
 * Parses the GS1 Barcode Syntax Dictionary text into AI entries.
 * Used by the generator only; the runtime imports the generated table.
 */
import type { AiComponent, AiEntry, Charset } from './ai-types.ts';

const CHARSETS: Record<string, Charset> = { N: 'N', X: '82', Y: '39', Z: '64' };
const FLAG_CHARS = '*!?"$%&\'()+,-./:;<=>@[\\]^_`{|}~';
const COMPONENT = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/;

export class DictionaryFormatError extends Error {
  constructor(lineNumber: number, reason: string) {
    super(`gs1-syntax-dictionary line ${lineNumber}: ${reason}`);
  }
}

export interface ParsedDictionary {
  readonly entries: AiEntry[];
  /** The licence/copyright lines of the file header, without the leading `#`. */
  readonly notice: string[];
}

export function parseDictionary(text: string): ParsedDictionary {
  const entries: AiEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const body = line.replace(/^\s+/, '');
    if (body === '' || body.startsWith('#')) return;
    entries.push(...parseLine(line, index + 1));
  });
  return { entries, notice: extractNotice(lines) };
}

function parseLine(line: string, lineNumber: number): AiEntry[] {
  const hash = line.indexOf('#');
  const title = hash >= 0 ? line.slice(hash + 1).trim() : '';
  const tokens = (hash >= 0 ? line.slice(0, hash) : line).trim().split(/\s+/);
  const [aiToken, ...rest] = tokens;
  if (!aiToken || !/^\d{2,4}(-\d{2,4})?$/.test(aiToken)) throw new DictionaryFormatError(lineNumber, `bad AI "${aiToken}"`);

  let flags = '';
  if (rest[0] && [...rest[0]].every((c) => FLAG_CHARS.includes(c))) flags = rest.shift() ?? '';

  const components: AiComponent[] = [];
  const req: string[][][] = [];
  const ex: string[][] = [];
  let dlpkey: string[][] | null = null;
  for (const token of rest) {
    if (token === 'dlpkey') dlpkey = [[]];
    else if (token.startsWith('dlpkey=')) dlpkey = token.slice(7).split('|').map((alt) => alt.split(','));
    else if (token.startsWith('req=')) req.push(token.slice(4).split(',').map((alt) => alt.split('+')));
    else if (token.startsWith('ex=')) ex.push(token.slice(3).split(','));
    else components.push(parseComponent(token, lineNumber));
  }
  if (components.length === 0) throw new DictionaryFormatError(lineNumber, 'no specification');

  return expandRange(aiToken).map((ai) => ({
    ai,
    title,
    fixedLength: flags.includes('*'),
    dlAttribute: flags.includes('?'),
    components,
    req,
    ex,
    dlpkey,
  }));
}

function parseComponent(token: string, lineNumber: number): AiComponent {
  const m = COMPONENT.exec(token);
  if (!m) throw new DictionaryFormatError(lineNumber, `bad component "${token}"`);
  const [, open, type, range, length, close, linters] = m;
  if (Boolean(open) !== Boolean(close)) throw new DictionaryFormatError(lineNumber, `unbalanced "${token}"`);
  const max = Number(length);
  return {
    charset: CHARSETS[type as string] as Charset,
    min: range ? 1 : max,
    max,
    optional: Boolean(open),
    linters: linters ? (linters as string).slice(1).split(',') : [],
  };
}

/** "3100-3105" → 3100…3105; keeps the digit width. */
function expandRange(token: string): string[] {
  const [from, to] = token.split('-') as [string, string | undefined];
  if (!to) return [from];
  const out: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) out.push(String(n).padStart(from.length, '0'));
  return out;
}

function extractNotice(lines: string[]): string[] {
  const start = lines.findIndex((l) => l.startsWith('# Copyright'));
  const end = lines.findIndex((l, i) => i > start && l.includes('limitations under the License.'));
  if (start < 0 || end < 0) return [];
  return lines.slice(start, end + 1).map((l) => l.replace(/^#\s?/, ''));
}
