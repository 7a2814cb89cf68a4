import ExcelJS from 'exceljs';
import { plainCell } from './cells.ts';
import { importErrors } from './import-errors.ts';
import { MAX_ROWS, type ParsedSheet } from './sheet-rows.ts';
import { zipProblem } from './zip-guard.ts';

export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Longest fileBase64 the command accepts (8 MB of content, with room for line breaks and a data: prefix). */
export const MAX_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The uploaded bytes: strict Base64 (an optional `data:…;base64,` prefix and line breaks are allowed), at most 8 MB. */
export function decodeUpload(fileBase64: string): Buffer {
  const text = fileBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!text || text.length % 4 !== 0 || !BASE64.test(text)) throw importErrors.notBase64();
  const bytes = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (bytes > MAX_FILE_BYTES) throw importErrors.tooLarge(bytes, MAX_FILE_BYTES);
  return Buffer.from(text, 'base64');
}

/** Opens the workbook with exceljs and returns its first worksheet as plain cell values. */
export async function readFirstSheet(content: Buffer): Promise<ParsedSheet> {
  const problem = zipProblem(content);
  if (problem) throw importErrors.notXlsx(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw importErrors.notXlsx(String((error as Error)?.message ?? error).slice(0, 200));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importErrors.notXlsx('no worksheet');
  // Header and example row on top of the data: refuse an oversized file before reading its rows.
  if (sheet.actualRowCount > MAX_ROWS + 2) throw importErrors.tooManyRows(sheet.actualRowCount - 1, MAX_ROWS);
  const parsed: ParsedSheet = { header: [], rows: [] };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = (row.values as unknown[]).slice(1).map(plainCell);
    if (rowNumber === 1) parsed.header = cells;
    else parsed.rows.push({ row: rowNumber, cells });
  });
  if (parsed.header.every((cell) => cell === null)) throw importErrors.empty();
  return parsed;
}
