import ExcelJS from 'exceljs';
import { displayValue } from './cells.ts';
import { columnLetter, columnsByKind, headerText, kindLabels, type ColumnSpec, type ImportKind } from './columns.ts';
import { MAX_ROWS } from './sheet-rows.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

const kindNote: Record<ColumnSpec['kind'], string> = {
  text: '文本 text', gtin: '14 位数字（GTIN-8/12/13 自动补足为 14 位） 14 digits', date: '日期 date (YYYY-MM-DD)',
  integer: '整数 integer', decimal: '数字，最多 1 位小数 number', boolean: '是/否 yes/no', enum: '下拉选择 one of the list',
  enumList: '可多选，用“、”分隔 several, separated by 、', codeList: '分类编码，用“、”分隔 codes separated by 、',
};

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Header style, widths and number formats shared by templates and exports. */
export function styleHeader(sheet: ExcelJS.Worksheet, columns: ColumnSpec[], firstColumn = 1): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  columns.forEach((spec, i) => {
    const column = sheet.getColumn(firstColumn + i);
    column.width = spec.width ?? 14;
    if (spec.kind === 'date') column.numFmt = 'yyyy-mm-dd';
    if (spec.kind === 'text' || spec.kind === 'gtin' || spec.kind === 'codeList') column.numFmt = '@';
    header.getCell(firstColumn + i).fill = HEADER_FILL;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** exceljs 4.4 has range validations at run time (worksheet.dataValidations) but not in its typings. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addValidation(worksheet: ExcelJS.Worksheet, spec: ColumnSpec, letter: string): void {
  const sheet = worksheet as unknown as RangeValidations;
  const range = `${letter}2:${letter}${MAX_ROWS + 2}`;
  const list = spec.kind === 'boolean' ? ['是', '否'] : spec.kind === 'enum' ? (spec.options ?? []).map((o) => o.zh) : null;
  if (list) {
    sheet.dataValidations.add(range, {
      type: 'list', allowBlank: !spec.required, formulae: [`"${list.join(',')}"`],
      showErrorMessage: true, errorStyle: 'stop', errorTitle: spec.zh, error: `请从列表中选择 / choose from the list: ${list.join('、')}`,
    });
  } else if (spec.kind === 'enumList') {
    sheet.dataValidations.add(range, {
      type: 'custom', allowBlank: !spec.required, formulae: ['TRUE'], showInputMessage: true,
      promptTitle: spec.zh, prompt: (spec.options ?? []).map((o) => o.zh).join('、'),
    });
  }
}

/** The import template of a kind: header row, one example row, drop-down lists, and an instructions sheet. */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = columnsByKind[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Custodia';
  const sheet = workbook.addWorksheet(kindLabels[kind]['zh-CN']);
  sheet.addRow(columns.map(headerText));
  const example = sheet.addRow(columns.map((spec) => displayValue(spec, spec.example)));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  styleHeader(sheet, columns);
  columns.forEach((spec, i) => addValidation(sheet, spec, columnLetter(i + 1)));

  const help = workbook.addWorksheet('说明 Instructions');
  help.addRow([`${kindLabels[kind]['zh-CN']}导入模板 / ${kindLabels[kind].en} import template`]).font = { bold: true, size: 13 };
  for (const line of [
    '第 1 行为表头，请勿修改；带 * 的列必填。第 2 行为示例，原样保留时不会导入，可直接覆盖。',
    'Row 1 is the header: keep it. Columns marked * are required. Row 2 is an example: left unchanged it is skipped; overwrite it.',
    `每个文件最多 ${MAX_ROWS} 行、8 MB。导入的记录均为草稿，须提交并经质量负责人审核批准。`,
    `At most ${MAX_ROWS} rows and 8 MB per file. Imported records are drafts: submit them for the QA head's approval.`,
  ]) help.addRow([line]);
  help.addRow([]);
  const tableHeader = help.addRow(['列 column', '字段 field', '必填 required', '格式 format', '可选值 values']);
  tableHeader.font = { bold: true };
  for (const spec of columns) {
    help.addRow([spec.zh, spec.field, spec.required ? '是 yes' : '', kindNote[spec.kind], (spec.options ?? []).map((o) => (o.zh === o.value ? o.value : `${o.zh}（${o.value}）`)).join('、')]);
  }
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 24;
  help.getColumn(3).width = 12;
  help.getColumn(4).width = 36;
  help.getColumn(5).width = 60;
  return toBuffer(workbook);
}
