import type { ColumnSpec, EnumOption } from './columns.ts';

/** A cell as the importer sees it: exceljs rich text, formulas and hyperlinks reduced to their value. */
export type CellValue = string | number | boolean | Date | null | { error: string };

/** Reduces an exceljs cell value (rich text, formula result, hyperlink, shared string …) to a plain value. */
export function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return plainCell((v.richText as { text?: string }[]).map((part) => part.text ?? '').join(''));
    if ('error' in v) return { error: String(v.error) };
    if ('result' in v) return plainCell(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return plainCell(v.text);
  }
  return String(value);
}

export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (message: string): Coerced => ({ ok: false, message });

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', 't']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', 'f']);
const LIST_SEPARATOR = /[,，、;；\s]+/;
/** Excel day 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function text(value: Exclude<CellValue, null | { error: string }>): Coerced {
  if (typeof value === 'string') return ok(value.trim());
  if (typeof value === 'number') {
    // Long codes typed into a General cell lose digits in Excel; say so rather than store a wrong code.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return fail('数字过长已被 Excel 截断，请将单元格设为文本格式后重新输入 / the number is too long and was rounded by Excel: format the cell as text and enter it again');
    }
    return ok(String(value));
  }
  if (value instanceof Date) return ok(isoDay(value));
  return ok(value ? 'true' : 'false');
}

function date(value: Exclude<CellValue, null | { error: string }>): Coerced {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail('不是有效日期 / not a valid date') : ok(isoDay(value));
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2958466) {
    return ok(isoDay(new Date(EXCEL_EPOCH + value * 86_400_000)));
  }
  if (typeof value === 'string') {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim()) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
    if (m) return ok(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
    return ok(value.trim()); // the schema reports the wrong format
  }
  return ok(value);
}

function number(value: Exclude<CellValue, null | { error: string }>): Coerced {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return ok(Number(value.trim()));
  return ok(value);
}

function boolean(value: Exclude<CellValue, null | { error: string }>): Coerced {
  if (typeof value === 'boolean') return ok(value);
  const key = String(value).trim().toLowerCase();
  if (TRUE.has(key)) return ok(true);
  if (FALSE.has(key)) return ok(false);
  return fail('请填写“是”或“否” / enter 是 (yes) or 否 (no)');
}

/** Matches the API value or its Chinese label; anything else goes on unchanged so the schema names the allowed values. */
export function enumValue(options: readonly EnumOption[], raw: string): string {
  const key = raw.trim();
  const found = options.find((o) => o.value.toLowerCase() === key.toLowerCase() || o.zh === key || `${o.zh} ${o.value}` === key);
  return found ? found.value : key;
}

/** Reads one cell into the value the create command's schema expects; `undefined` means the cell is empty. */
export function coerceCell(column: ColumnSpec, cell: CellValue): Coerced {
  if (cell === null) return ok(undefined);
  if (typeof cell === 'object' && !(cell instanceof Date)) return fail(`单元格含错误值 ${cell.error} / the cell holds the error ${cell.error}`);
  switch (column.kind) {
    case 'text': return text(cell);
    case 'gtin': {
      // GTIN-8/12/13 are stored as 14 digits (GS1, US-GUDID-01); a General cell also drops the leading zero.
      const t = text(cell);
      return t.ok && /^(\d{8}|\d{12}|\d{13})$/.test(String(t.value)) ? ok(String(t.value).padStart(14, '0')) : t;
    }
    case 'date': return date(cell);
    case 'integer':
    case 'decimal': return number(cell);
    case 'boolean': return boolean(cell);
    case 'enum': {
      const t = text(cell);
      return t.ok ? ok(enumValue(column.options ?? [], String(t.value))) : t;
    }
    case 'enumList':
    case 'codeList': {
      const t = text(cell);
      if (!t.ok) return t;
      const items = String(t.value).split(LIST_SEPARATOR).filter(Boolean);
      return ok(column.kind === 'enumList' ? items.map((item) => enumValue(column.options ?? [], item)) : items);
    }
  }
}

/** The label a value gets in a template or an export (the Chinese label of an enum, 是/否 for flags). */
export function displayValue(column: ColumnSpec, value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  const label = (v: unknown) => column.options?.find((o) => o.value === v)?.zh ?? String(v);
  switch (column.kind) {
    case 'enum': return label(value);
    case 'enumList': return (Array.isArray(value) ? value : String(value).split(LIST_SEPARATOR)).map(label).join('、');
    case 'codeList': return Array.isArray(value) ? value.join('、') : String(value);
    case 'boolean': return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
    case 'date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : (value as Date);
    case 'integer':
    case 'decimal': return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : String(value);
    default: return typeof value === 'string' || typeof value === 'number' ? value : String(value);
  }
}
