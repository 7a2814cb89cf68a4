import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fileId, isoDate } from '../record-fields.ts';

// 居民身份证: 17 digits and a check character (digit or X).
const idNumber = z.string().regex(/^\d{17}[\dX]$/, '18-character resident ID number');

export interface AuthorisationRow {
  org_id: string; id: string; party_id: string; grantor: string; product_ids: string[]; territory: string[];
  valid_from: string; valid_to: string; salesperson_name: string; salesperson_id_number: string;
  file_id: string | null; salesperson_id_file_id: string | null; active: boolean;
}

export const authorisationView = (row: AuthorisationRow) => ({
  id: row.id, partyId: row.party_id, grantor: row.grantor, productIds: row.product_ids, territory: row.territory,
  validFrom: row.valid_from, validTo: row.valid_to, salespersonName: row.salesperson_name,
  // Personal data: only the last four characters are shown in lists.
  salespersonIdNumber: `${'*'.repeat(14)}${row.salesperson_id_number.slice(-4)}`,
  fileId: row.file_id, salespersonIdFileId: row.salesperson_id_file_id, active: row.active,
});

export function authorisationRepo(db: Queryable) {
  return {
    async forParties(orgId: string, partyIds: string[]): Promise<AuthorisationRow[]> {
      return (await db.query<AuthorisationRow>('SELECT * FROM master_data.authorisation WHERE org_id = $1 AND party_id = ANY($2) ORDER BY valid_from', [orgId, partyIds])).rows;
    },
  };
}

/** 授权书 (GSP 53(三)): products, territory, period and the salesperson with ID number (CN-QUAL-03). */
export const addAuthorisation = defineCommand({
  name: 'master_data.authorisation.create',
  summary: { 'zh-CN': '登记授权书', en: 'Record an authorisation letter' },
  input: z.strictObject({
    partyId: z.string().min(1).max(64),
    grantor: z.string().trim().min(1).max(200),
    productIds: z.array(z.string().min(1).max(64)).min(1).max(500),
    territory: z.array(z.union([z.literal('*'), z.string().regex(/^\d{2}$/)])).min(1).max(40),
    validFrom: isoDate,
    validTo: isoDate,
    salespersonName: z.string().trim().min(1).max(50),
    salespersonIdNumber: idNumber,
    fileId: fileId.nullable().default(null),
    salespersonIdFileId: fileId.nullable().default(null),
  }),
  async handler(ctx, input) {
    if (input.validTo < input.validFrom) throw errors.badRequest([{ path: 'validTo', message: 'validTo is before validFrom' }]);
    const known = (await ctx.repo((db) => db.query<{ id: string }>('SELECT id FROM master_data.product WHERE org_id = $1 AND id = ANY($2)', [ctx.orgId, input.productIds]))).rows.map((r) => r.id);
    const unknown = input.productIds.filter((id) => !known.includes(id));
    if (unknown.length) throw errors.badRequest(unknown.map((id) => ({ path: 'productIds', message: `unknown product ${id}` })));
    if ((await ctx.repo((db) => db.query('SELECT 1 FROM master_data.party WHERE org_id = $1 AND id = $2', [ctx.orgId, input.partyId]))).rowCount !== 1) {
      throw errors.notFound(`party ${input.partyId}`);
    }
    const id = newId('aut');
    await ctx.repo((db) => db.query(
      `INSERT INTO master_data.authorisation (org_id, id, party_id, grantor, product_ids, territory, valid_from, valid_to, salesperson_name,
         salesperson_id_number, file_id, salesperson_id_file_id, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true, $13, $13)`,
      [ctx.orgId, id, input.partyId, input.grantor, input.productIds, input.territory, input.validFrom, input.validTo, input.salespersonName,
        input.salespersonIdNumber, input.fileId, input.salespersonIdFileId, ctx.now],
    ));
    ctx.emit('master_data.authorisation.created', { id, partyId: input.partyId, validTo: input.validTo });
    return { id };
  },
});

export const deactivateAuthorisation = defineCommand({
  name: 'master_data.authorisation.deactivate',
  summary: { 'zh-CN': '撤销授权书', en: 'Withdraw an authorisation letter' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  reasonRequired: true,
  async handler(ctx, input) {
    const changed = await ctx.repo((db) => db.query('UPDATE master_data.authorisation SET active = false, updated_at = $3 WHERE org_id = $1 AND id = $2 AND active', [ctx.orgId, input.id, ctx.now]));
    if (changed.rowCount === 0) throw errors.notFound(`authorisation ${input.id}`);
    return { id: input.id, active: false };
  },
});

export const listAuthorisations = defineQuery({
  name: 'master_data.authorisation.list',
  permission: 'master_data.party.read',
  summary: { 'zh-CN': '单位授权书', en: 'Authorisation letters of a party' },
  input: z.strictObject({ partyId: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    return { items: (await ctx.repo(authorisationRepo).forParties(ctx.orgId, [input.partyId])).map(authorisationView) };
  },
});

export const authorisationCommands = [addAuthorisation, deactivateAuthorisation];
