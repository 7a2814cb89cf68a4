import { z } from 'zod';
import { defineQuery, type QueryContext } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { listInput, listRows } from '../../../platform/document/document.queries.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import type { RecordShape } from '../../../platform/document/record-commands.ts';
import { licenceRepo } from '../licence/licence.commands.ts';
import { masterRecordLifecycle } from '../master-record.lifecycle.ts';
import { partyShape } from '../party/party.model.ts';
import { productShape } from '../product/product.model.ts';
import { licenceColumns, partyColumns, productColumns, type ColumnSpec } from './columns.ts';
import { importErrors } from './import-errors.ts';
import { buildExport, exportMeta, type ExportColumn } from './xlsx-export.ts';

export const MAX_EXPORT_ROWS = 20_000;

/** The list query's filters (q, status), without paging: an export holds every matching row. */
const exportInput = z.strictObject({ q: listInput.shape.q, status: listInput.shape.status });

function exportRepo(db: Queryable) {
  return {
    async serverNow(): Promise<Date> {
      return (await db.query<{ now: Date }>('SELECT now() AS now')).rows[0].now;
    },
    async displayNames(orgId: string, userIds: string[]): Promise<Map<string, string>> {
      if (!userIds.length) return new Map();
      const rows = (await db.query<{ id: string; display_name: string }>(
        'SELECT id, display_name FROM platform.app_user WHERE org_id = $1 AND id = ANY($2)', [orgId, userIds],
      )).rows;
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },
    async party(orgId: string, id: string) {
      return (await db.query<{ name: string; credit_code: string; number: string }>(
        'SELECT name, credit_code, number FROM master_data.party WHERE org_id = $1 AND id = $2', [orgId, id],
      )).rows[0];
    },
  };
}

async function footer(ctx: QueryContext, filter: string) {
  return { exportedBy: `${ctx.actor.displayName}（${ctx.actor.username}）`, exportedAt: await ctx.repo(exportRepo).serverNow(), filter };
}

const stamp = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');

function recordExport(shape: RecordShape, fields: ColumnSpec[], file: string) {
  const { doc } = shape;
  return defineQuery({
    name: `${doc.name}.export`,
    permission: `${doc.name}.read`,
    summary: { 'zh-CN': `导出${doc.label['zh-CN']}（XLSX）`, en: `Export ${doc.label.en.toLowerCase()}s (XLSX)` },
    input: exportInput,
    async handler(ctx, input) {
      const { rows, total } = await ctx.repo((db) => listRows(db, doc, ctx.orgId, { ...input, limit: MAX_EXPORT_ROWS, offset: 0 }, shape.searchColumns));
      if (total > MAX_EXPORT_ROWS) throw importErrors.tooManyExportRows(total, MAX_EXPORT_ROWS);
      const names = await ctx.repo(exportRepo).displayNames(ctx.orgId, [...new Set(rows.map((r) => r.created_by))]);
      const view = (row: DocumentRow) => ({
        number: row.number,
        status: masterRecordLifecycle.states[row.status]?.['zh-CN'] ?? row.status,
        version: row.version,
        createdBy: names.get(row.created_by) ?? row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        ...Object.fromEntries(Object.entries(shape.columns).map(([field, column]) => [field, row[column] ?? null])),
      });
      const columns: ExportColumn[] = [exportMeta.number, exportMeta.status, ...fields, exportMeta.version, exportMeta.createdBy, exportMeta.createdAt, exportMeta.updatedAt];
      const filter = [input.q ? `q=${input.q}` : '', input.status ? `status=${input.status}` : ''].filter(Boolean).join('; ') || '全部 all';
      const at = await footer(ctx, filter);
      return buildExport({ fileName: `${file}-${stamp(at.exportedAt)}.xlsx`, sheetName: doc.label['zh-CN'], columns, rows: rows.map(view), footer: at });
    },
  });
}

export const exportProducts = recordExport(productShape, productColumns, 'products');
export const exportParties = recordExport(partyShape, partyColumns, 'parties');

const licenceStatus: ExportColumn = { field: 'active', zh: '状态', kind: 'text', example: null, width: 10 };

/** The licences of one party, with the party's credit code on every row (the licence import's key). */
export const exportLicences = defineQuery({
  name: 'master_data.licence.export',
  permission: 'master_data.party.read',
  summary: { 'zh-CN': '导出单位证照（XLSX）', en: 'Export the licences of a party (XLSX)' },
  input: z.strictObject({ partyId: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    const party = await ctx.repo(exportRepo).party(ctx.orgId, input.partyId);
    if (!party) throw errors.notFound(`party ${input.partyId}`);
    const licences = await ctx.repo(licenceRepo).forParties(ctx.orgId, [input.partyId]);
    const rows = licences.map((l) => ({
      creditCode: party.credit_code, type: l.type, number: l.number, issuer: l.issuer, scope: l.scope,
      validFrom: l.valid_from, validTo: l.valid_to, active: l.active ? '有效' : '已注销',
    }));
    const at = await footer(ctx, `partyId=${input.partyId}（${party.number} ${party.name}）`);
    return buildExport({
      fileName: `licences-${party.number}-${stamp(at.exportedAt)}.xlsx`, sheetName: '证照', columns: [...licenceColumns, licenceStatus], rows, footer: at,
    });
  },
});

export const exportQueries = [exportProducts, exportParties, exportLicences];
