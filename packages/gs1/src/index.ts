/**
 * @custodia/gs1 — GS1 / UDI library: AI table generated from the GS1 Barcode
 * Syntax Dictionary, element strings, scanner input, Digital Link, check
 * digits, HRI, MA code, HIBCC and ICCBBA recognition, labels and a CLI.
 */
export { parse, tryParse, MAX_INPUT_LENGTH, type ParseOptions, type TryParseResult } from './parse.ts';
export { fromElements, fromFields, normaliseGtin, type BuildOptions, type Fields } from './build.ts';
export { buildDigitalLink, parseDigitalLink, isValidKeyQualifierSequence, DEFAULT_DL_DOMAIN, type DigitalLinkOptions } from './digital-link.ts';
export { toElementString, toHri, type ParseResult, type Scheme } from './result.ts';
export { Gs1Error, isGs1Error, type Gs1ErrorCode, type LocalizedMessage } from './errors.ts';
export { AI_TABLE, lookupAi, type AiComponent, type AiEntry, type Charset } from './ai-table.ts';
export { LINTERS, type Linter, type LintContext, type LintFailure } from './linters.ts';
export { mod10CheckDigit, hasValidCheckDigit, alphaCheckPair } from './check-digit.ts';
export { resolveYear, yymmddToIso, isoToYymmdd } from './dates.ts';
export { hibcCheckCharacter } from './hibcc.ts';
export { GS } from './element-string.ts';
export type { Element } from './validate.ts';
export { renderLabel, type LabelFormat, type LabelOptions, type LabelSymbology } from './label.ts';
export { runGs1Cli, type CliIo } from './cli.ts';
