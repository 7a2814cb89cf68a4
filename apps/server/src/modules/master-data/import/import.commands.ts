import { z } from 'zod';
import { defineCommand, defineQuery, type CommandContext } from '../../../platform/bus/definitions.ts';
import { createRecord } from '../../../platform/document/record-commands.ts';
import { addLicence } from '../licence/licence.commands.ts';
import { partyShape } from '../party/party.model.ts';
import { productShape } from '../product/product.model.ts';
import { columnsByKind, importKinds, type ImportKind } from './columns.ts';
import { existingRecordsRepo } from './existing-records.ts';
import { importErrors, MAX_REPORTED_ERRORS } from './import-errors.ts';
import { lookupKeys, validateRows } from './row-validation.ts';
import { mapHeader, readRows } from './sheet-rows.ts';
import { decodeUpload, MAX_BASE64_CHARS, readFirstSheet } from './xlsx-read.ts';
import { buildTemplate, XLSX_MIME } from './xlsx-template.ts';
import { createHash } from 'node:crypto';

/** The create step of each kind: the same function the kind's own create command runs. */
const createSteps: Record<ImportKind, (ctx: CommandContext, input: Record<string, unknown>) => Promise<{ id: string; number?: string }>> = {
  products: (ctx, input) => createRecord(ctx, productShape, input),
  parties: (ctx, input) => createRecord(ctx, partyShape, input),
  licences: (ctx, input) => addLicence.handler(ctx, input as z.infer<typeof addLicence.input>),
};

/**
 * Imports products, parties or licences from an XLSX file in one transaction. Every row is parsed by the
 * create command's own schema and checked against the file and the database first. all_or_nothing
 * (default): any bad row refuses the file with 422 IMPORT_REJECTED and writes nothing. partial: the good
 * rows are created, the report names the rest. Each created record is a draft numbered from its series,
 * with its row-change audit and `created` event, exactly as its create command makes it.
 */
export const applyImport = defineCommand({
  name: 'master_data.import.apply',
  summary: { 'zh-CN': '从 Excel（XLSX）导入产品、往来单位或证照', en: 'Import products, parties or licences from Excel (XLSX)' },
  input: z.strictObject({
    kind: z.enum(importKinds),
    fileBase64: z.string().min(1).max(MAX_BASE64_CHARS).describe('The .xlsx file, Base64-encoded (at most 8 MB, 5,000 rows)'),
    mode: z.enum(['all_or_nothing', 'partial']).default('all_or_nothing'),
  }),
  reasonRequired: true,
  async handler(ctx, input) {
    const sheet = await readFirstSheet(decodeUpload(input.fileBase64));
    const columns = mapHeader(columnsByKind[input.kind], sheet.header);
    const drafts = readRows(columns, sheet);
    const existing = await ctx.repo(existingRecordsRepo).lookup(ctx.orgId, lookupKeys(drafts));
    const { report, accepted } = validateRows(input.kind, columns, drafts, existing);
    if (report.rejected > 0 && input.mode === 'all_or_nothing') throw importErrors.rejected(report);
    const created: { row: number; id: string; number?: string }[] = [];
    for (const row of accepted) created.push({ row: row.row, ...(await createSteps[input.kind](ctx, row.input)) });
    return {
      kind: input.kind,
      mode: input.mode,
      rows: report.rows,
      accepted: report.accepted,
      rejected: report.rejected,
      errors: report.errors.slice(0, MAX_REPORTED_ERRORS),
      ...(report.errors.length > MAX_REPORTED_ERRORS ? { errorsOmitted: report.errors.length - MAX_REPORTED_ERRORS } : {}),
      created,
    };
  },
});

/** The XLSX template of a kind; whoever may import may download it. */
export const importTemplate = defineQuery({
  name: 'master_data.import.template',
  permission: 'master_data.import.apply',
  summary: { 'zh-CN': '下载导入模板（XLSX）', en: 'Download an import template (XLSX)' },
  input: z.strictObject({ kind: z.enum(importKinds) }),
  async handler(_ctx, input) {
    const content = await buildTemplate(input.kind);
    return {
      binary: true as const,
      name: `custodia-import-${input.kind}.xlsx`,
      mime: XLSX_MIME,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
  },
});
