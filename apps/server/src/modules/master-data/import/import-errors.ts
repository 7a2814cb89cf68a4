import { AppError, type FieldError } from '../../../platform/errors.ts';
import { headerText, type ColumnSpec } from './columns.ts';

/** The row-level report an import answers, also carried by an IMPORT_REJECTED problem. */
export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: number;
  errors: { row: number; column: string | null; field: string | null; message: string }[];
}

/** At most this many row errors travel in a response; the counts always cover every row. */
export const MAX_REPORTED_ERRORS = 1000;

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const MB = 1024 * 1024;

/** Refusals of an uploaded file: always 4xx with a message in both languages, never a 500. */
export const importErrors = {
  notBase64: () =>
    new AppError(400, 'IMPORT_FILE_INVALID', t('fileBase64 不是有效的 Base64 编码', 'fileBase64 is not valid Base64'), {
      errors: [{ path: 'fileBase64', message: 'not Base64' }],
    }),
  tooLarge: (bytes: number, limit: number) =>
    new AppError(413, 'IMPORT_FILE_TOO_LARGE', t(`文件超过 ${limit / MB} MB 上限`, `The file exceeds the ${limit / MB} MB limit`), {
      facts: { bytes, limit }, errors: [{ path: 'fileBase64', message: `at most ${limit} bytes` }],
    }),
  notXlsx: (detail: string) =>
    new AppError(400, 'IMPORT_FILE_INVALID', t(`文件不是有效的 Excel 工作簿（.xlsx）：${detail}`, `The file is not a valid Excel workbook (.xlsx): ${detail}`), {
      errors: [{ path: 'fileBase64', message: detail }],
    }),
  empty: () =>
    new AppError(400, 'IMPORT_FILE_EMPTY', t('第一个工作表没有数据行（第 1 行为表头，示例行原样保留时不导入）', 'The first worksheet has no data rows (row 1 is the header; an unchanged example row is not imported)'), {
      errors: [{ path: 'fileBase64', message: 'no data rows' }],
    }),
  tooManyRows: (rows: number, limit = 5000) =>
    new AppError(400, 'IMPORT_TOO_MANY_ROWS', t(`每个文件最多 ${limit} 行，此文件有 ${rows} 行`, `A file holds at most ${limit} rows; this one has ${rows}`), {
      facts: { rows, limit }, errors: [{ path: 'fileBase64', message: `at most ${limit} rows` }],
    }),
  badHeader: (problems: string[], specs: ColumnSpec[]) =>
    new AppError(400, 'IMPORT_BAD_HEADER', t(
      `表头与模板不符：${problems.join('；')}。请下载模板，第 1 行使用模板表头。`,
      `The header row does not match the template: ${problems.join('; ')}. Download the template and keep its header in row 1.`,
    ), { facts: { expected: specs.map(headerText) }, errors: problems.map((message) => ({ path: 'header', message })) }),
  rejected: (report: ImportReport) =>
    new AppError(422, 'IMPORT_REJECTED', t(
      `导入未执行：${report.rejected} 行有错误（共 ${report.rows} 行），“全部或全不”模式下不写入任何数据`,
      `Nothing was imported: ${report.rejected} of ${report.rows} rows have errors, and all-or-nothing mode writes no row`,
    ), { facts: reportFacts(report), errors: report.errors.slice(0, MAX_REPORTED_ERRORS).map(rowFieldError) }),
  tooManyExportRows: (total: number, limit: number) =>
    new AppError(400, 'EXPORT_TOO_LARGE', t(`导出最多 ${limit} 行，当前筛选有 ${total} 行，请缩小筛选范围`, `An export holds at most ${limit} rows; the filter matches ${total}: narrow it`), {
      facts: { total, limit },
    }),
};

function rowFieldError(error: ImportReport['errors'][number]): FieldError {
  const located: FieldError & { row: number; column: string | null; field: string | null } = {
    path: `rows.${error.row}${error.field ? `.${error.field}` : ''}`,
    message: error.message,
    row: error.row,
    column: error.column,
    field: error.field,
  };
  return located;
}

/** The report as problem facts: every count, and the first MAX_REPORTED_ERRORS row errors. */
export function reportFacts(report: ImportReport): Record<string, unknown> {
  return {
    rows: report.rows, accepted: report.accepted, rejected: report.rejected,
    errors: report.errors.slice(0, MAX_REPORTED_ERRORS),
    ...(report.errors.length > MAX_REPORTED_ERRORS ? { errorsOmitted: report.errors.length - MAX_REPORTED_ERRORS } : {}),
  };
}
