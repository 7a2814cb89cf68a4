import { coerceCell, displayValue, plainCell, type CellValue } from './cells.ts';
import { columnLetter, headerText, type ColumnSpec } from './columns.ts';
import { importErrors } from './import-errors.ts';

/** The first worksheet as plain values: row numbers are Excel's (the header is row 1). */
export interface ParsedSheet {
  header: CellValue[];
  rows: { row: number; cells: CellValue[] }[];
}

export interface MappedColumn {
  spec: ColumnSpec;
  /** Position in the file's row (0-based). */
  index: number;
  letter: string;
}

export interface RowError {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
}

/** One data row read into API fields, with the problems found while reading its cells. */
export interface RowDraft {
  row: number;
  raw: Record<string, unknown>;
  errors: RowError[];
}

export const MAX_ROWS = 5000;

/**
 * Matches the header row against the kind's columns. A header cell may be `*产品名称 name`, `产品名称` or
 * `name`. Unknown, repeated or missing required columns are a 400: the file is not this kind's template.
 */
export function mapHeader(specs: ColumnSpec[], header: CellValue[]): MappedColumn[] {
  const mapped: MappedColumn[] = [];
  const problems: string[] = [];
  header.forEach((cell, index) => {
    if (cell === null) return;
    const label = String(cell instanceof Date ? cell.toISOString() : typeof cell === 'object' ? cell.error : cell).replace(/^\*/, '').trim();
    const last = label.split(/\s+/).pop() ?? '';
    const spec = specs.find((s) => s.field === last) ?? specs.find((s) => s.zh === label || s.field.toLowerCase() === label.toLowerCase());
    const letter = columnLetter(index + 1);
    if (!spec) problems.push(`${letter}1 “${label}”: 未知列 / unknown column`);
    else if (mapped.some((m) => m.spec === spec)) problems.push(`${letter}1 “${label}”: 重复列 / repeated column`);
    else mapped.push({ spec, index, letter });
  });
  for (const spec of specs) {
    if (spec.required && !mapped.some((m) => m.spec === spec)) problems.push(`“${headerText(spec)}”: 缺少必填列 / required column missing`);
  }
  if (mapped.length === 0) throw importErrors.badHeader(['第 1 行不是模板表头 / row 1 is not the template header'], specs);
  if (problems.length) throw importErrors.badHeader(problems, specs);
  return mapped;
}

function readRow(columns: MappedColumn[], row: number, cells: CellValue[]): RowDraft {
  const raw: Record<string, unknown> = {};
  const rowErrors: RowError[] = [];
  for (const column of columns) {
    const coerced = coerceCell(column.spec, cells[column.index] ?? null);
    if (!coerced.ok) {
      rowErrors.push({ row, column: column.letter, field: column.spec.field, message: coerced.message });
      continue;
    }
    if (coerced.value === undefined) {
      if (column.spec.required) rowErrors.push({ row, column: column.letter, field: column.spec.field, message: '必填项为空 / required' });
      continue;
    }
    raw[column.spec.field] = coerced.value;
  }
  return { row, raw, errors: rowErrors };
}

/** The example row as the importer reads it back; an unchanged example row is skipped, not imported. */
function exampleRaw(columns: MappedColumn[]): string {
  const cells: CellValue[] = [];
  for (const column of columns) cells[column.index] = plainCell(displayValue(column.spec, column.spec.example));
  return JSON.stringify(readRow(columns, 0, cells).raw);
}

/** Reads every non-empty data row into API fields. Pure: no database, no workbook. */
export function readRows(columns: MappedColumn[], sheet: ParsedSheet): RowDraft[] {
  const example = exampleRaw(columns);
  const drafts: RowDraft[] = [];
  for (const { row, cells } of sheet.rows) {
    if (columns.every((c) => (cells[c.index] ?? null) === null)) continue;
    const draft = readRow(columns, row, cells);
    if (draft.errors.length === 0 && JSON.stringify(draft.raw) === example) continue;
    drafts.push(draft);
  }
  if (drafts.length === 0) throw importErrors.empty();
  if (drafts.length > MAX_ROWS) throw importErrors.tooManyRows(drafts.length);
  return drafts;
}
