import ExcelJS from 'exceljs';
import { buildTemplate } from '/work/main/apps/server/src/modules/master-data/import/xlsx-template.ts';
import { readFirstSheet } from '/work/main/apps/server/src/modules/master-data/import/xlsx-read.ts';
import { mapHeader, readRows } from '/work/main/apps/server/src/modules/master-data/import/sheet-rows.ts';
import { columnsByKind } from '/work/main/apps/server/src/modules/master-data/import/columns.ts';
import { writeFileSync } from 'node:fs';
for (const kind of ['products', 'parties', 'licences'] as const) {
  const buf = await buildTemplate(kind);
  writeFileSync(`/tmp/tpl-${kind}.xlsx`, buf);
  const sheet = await readFirstSheet(buf);
  console.log(kind, buf.length, JSON.stringify(sheet.header).slice(0, 200), JSON.stringify(sheet.rows).slice(0, 400));
  const cols = mapHeader(columnsByKind[kind], sheet.header);
  try { readRows(cols, sheet); console.log('NOT SKIPPED'); } catch (e) { console.log('example skipped →', (e as Error).message); }
  const wb = new ExcelJS.Workbook(); await wb.xlsx.load(buf as any);
  const ws = wb.worksheets[0];
  console.log(ws.getCell('E2').dataValidation, ws.getCell('E300').dataValidation?.type, ws.actualRowCount, ws.getCell('I2').numFmt, ws.getCell('A2').numFmt);
}
