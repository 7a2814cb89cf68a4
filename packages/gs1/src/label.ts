/**
 * GS1-128 and GS1 DataMatrix label images with HRI text, through bwip-js.
 *
 * The symbol is encoded in FNC1 mode (`^FNC1` + element string) rather than
 * from bracketed text, so values containing "(" or ")" encode correctly and
 * our own validation (the syntax dictionary) is the single source of truth.
 *
 * bwip-js ("bwip-js" resolves to its Node build under Node) is imported lazily
 * through a variable specifier, so that web bundles and web type-checks that
 * import @custodia/gs1 for parsing never load or resolve it. Labels are a
 * server/CLI feature; PNG output is a Node Buffer (typed as Uint8Array).
 */
import { Gs1Error } from './errors.ts';
import { parse, type ParseOptions } from './parse.ts';
import { GS } from './element-string.ts';

export type LabelSymbology = 'gs1-128' | 'gs1datamatrix';
export type LabelFormat = 'png' | 'svg';

export interface LabelOptions extends ParseOptions {
  readonly symbology: LabelSymbology;
  readonly format: LabelFormat;
  /** Module scale factor; default 3. */
  readonly scale?: number;
}

const BCID: Record<LabelSymbology, string> = { 'gs1-128': 'code128', gs1datamatrix: 'datamatrix' };

/** The part of the bwip-js API used here. */
interface Bwip {
  toSVG(options: Record<string, unknown>): string;
  toBuffer(options: Record<string, unknown>): Promise<Uint8Array>;
}

const BWIP_MODULE = 'bwip-js';

async function loadBwip(): Promise<Bwip> {
  const module = (await import(/* @vite-ignore */ BWIP_MODULE)) as { default: Bwip };
  return module.default;
}

/** bwip-js text in FNC1 mode: FNC1 first, then FNC1 wherever the element string has a GS. */
export function fnc1Text(elementString: string): string {
  return '^FNC1' + elementString.split(GS).join('^FNC1');
}

export async function renderLabel(input: string, options: LabelOptions): Promise<Uint8Array | string> {
  const bcid = BCID[options.symbology];
  if (!bcid) throw new Gs1Error('GS1_LABEL_FAILED', 0, { detail: `symbology ${String(options.symbology)}` });
  if (options.format !== 'png' && options.format !== 'svg') throw new Gs1Error('GS1_LABEL_FAILED', 0, { detail: `format ${String(options.format)}` });
  const result = parse(input, options);
  if (result.elementString === null) throw new Gs1Error('GS1_LABEL_FAILED', 0, { detail: `${result.scheme} data cannot be encoded as a GS1 symbol` });

  const bwipjs = await loadBwip();
  const render = {
    bcid,
    text: fnc1Text(result.elementString),
    parsefnc: true,
    scale: options.scale ?? 3,
    includetext: true,
    alttext: result.hri,
    textxalign: 'center',
    ...(options.symbology === 'gs1-128' ? { height: 15 } : {}),
  };
  try {
    return options.format === 'svg' ? bwipjs.toSVG(render) : await bwipjs.toBuffer(render);
  } catch (e) {
    throw new Gs1Error('GS1_LABEL_FAILED', 0, { detail: e instanceof Error ? e.message : String(e) });
  }
}
