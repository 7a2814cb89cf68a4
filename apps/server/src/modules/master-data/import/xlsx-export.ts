import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { displayValue } from './cells.ts';
import { headerText, type ColumnSpec } from './columns.ts';
import { styleHeader, toBuffer, XLSX_MIME } from './xlsx-template.ts';

export interface ExportColumn extends ColumnSpec {
  /** Overrides the number format (timestamps). */
  numFmt?: string;
}

export interface ExportFooter {
  exportedBy: string;
  exportedAt: Date;
  filter: string;
}

export interface ExportSheet {
  fileName: string;
  sheetName: string;
  columns: ExportColumn[];
  rows: Record<string, unknown>[];
  footer: ExportFooter;
}

/** System columns an export adds around the record's own fields. */
export const exportMeta = {
  number: { field: 'number', zh: '编号', kind: 'text', example: null, width: 18 },
  status: { field: 'status', zh: '状态', kind: 'text', example: null, width: 10 },
  version: { field: 'version', zh: '版本', kind: 'integer', example: null, width: 6 },
  createdBy: { field: 'createdBy', zh: '创建人', kind: 'text', example: null, width: 12 },
  createdAt: { field: 'createdAt', zh: '创建时间（UTC）', kind: 'date', example: null, width: 20, numFmt: 'yyyy-mm-dd hh:mm:ss' },
  updatedAt: { field: 'updatedAt', zh: '更新时间（UTC）', kind: 'date', example: null, width: 20, numFmt: 'yyyy-mm-dd hh:mm:ss' },
} satisfies Record<string, ExportColumn>;

/**
 * One worksheet: Chinese headers (`产品名称 name`), dates as Excel dates, enums as their Chinese labels,
 * and a footer naming who exported it, when (server time, UTC), with which filter and how many rows.
 */
export async function buildExport(sheetSpec: ExportSheet): Promise<{ binary: true; name: string; mime: string; sha256: string; content: Buffer }> {
  const { columns, rows, footer } = sheetSpec;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = footer.exportedBy;
  workbook.created = footer.exportedAt;
  const sheet = workbook.addWorksheet(sheetSpec.sheetName);
  sheet.addRow(columns.map((c) => headerText({ ...c, required: false })));
  styleHeader(sheet, columns);
  columns.forEach((c, i) => {
    if (c.numFmt) sheet.getColumn(i + 1).numFmt = c.numFmt;
  });
  for (const row of rows) sheet.addRow(columns.map((c) => displayValue(c, row[c.field])));
  sheet.addRow([]);
  const footerRow = sheet.addRow([
    '导出人 Exported by', footer.exportedBy, '导出时间（UTC） Exported at', footer.exportedAt, '筛选 Filter', footer.filter, '行数 Rows', rows.length,
  ]);
  footerRow.font = { italic: true, color: { argb: 'FF595959' } };
  // Footer cells keep their own formats whatever the column above them holds.
  footerRow.eachCell((cell, index) => {
    cell.numFmt = index === 4 ? 'yyyy-mm-dd hh:mm:ss' : index === 8 ? '0' : '@';
  });
  const content = await toBuffer(workbook);
  return { binary: true, name: sheetSpec.fileName, mime: XLSX_MIME, sha256: createHash('sha256').update(content).digest('hex'), content };
}
