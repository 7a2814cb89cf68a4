import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fileId, isoDate } from '../record-fields.ts';

export const licenceTypes = ['business_licence', 'operating_licence', 'operating_filing', 'production_licence', 'production_filing', 'medical_institution_licence', 'other'] as const;

/** Licensed scope as NMPA category codes (2017 catalogue: 07, 07-03, 07-03-01 …). */
const scope = z.array(z.string().regex(/^\d{2}(-\d{2}){0,2}$/)).max(200);

const fields = {
  type: z.enum(licenceTypes),
  number: z.string().trim().min(1).max(100),
  issuer: z.string().trim().min(1).max(200),
  scope,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  fileId: fileId.nullable(),
};
const columns: Record<string, string> = { type: 'type', number: 'number', issuer: 'issuer', scope: 'scope', validFrom: 'valid_from', validTo: 'valid_to', fileId: 'file_id' };

export interface LicenceRow {
  org_id: string; id: string; party_id: string; type: string; number: string; issuer: string; scope: string[];
  valid_from: string; valid_to: string | null; file_id: string | null; active: boolean;
}

export const licenceView = (row: LicenceRow) => ({
  id: row.id, partyId: row.party_id, type: row.type, number: row.number, issuer: row.issuer, scope: row.scope,
  validFrom: row.valid_from, validTo: row.valid_to, fileId: row.file_id, active: row.active,
});

export function licenceRepo(db: Queryable) {
  return {
    async forParties(orgId: string, partyIds: string[]): Promise<LicenceRow[]> {
      return (await db.query<LicenceRow>('SELECT * FROM master_data.licence WHERE org_id = $1 AND party_id = ANY($2) ORDER BY type, valid_from', [orgId, partyIds])).rows;
    },
    async lock(orgId: string, id: string): Promise<LicenceRow | undefined> {
      return (await db.query<LicenceRow>('SELECT * FROM master_data.licence WHERE org_id = $1 AND id = $2 FOR UPDATE', [orgId, id])).rows[0];
    },
    async partyExists(orgId: string, partyId: string): Promise<boolean> {
      return (await db.query('SELECT 1 FROM master_data.party WHERE org_id = $1 AND id = $2', [orgId, partyId])).rowCount === 1;
    },
  };
}

function checkValidity(input: { validFrom?: string; validTo?: string | null }) {
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    throw errors.badRequest([{ path: 'validTo', message: 'validTo is before validFrom' }]);
  }
}

export const addLicence = defineCommand({
  name: 'master_data.licence.create',
  summary: { 'zh-CN': '登记证照', en: 'Record a licence' },
  input: z.strictObject({ partyId: z.string().min(1).max(64), ...fields, fileId: fields.fileId.default(null), validTo: fields.validTo.default(null) }),
  async handler(ctx, input) {
    checkValidity(input);
    if (!(await ctx.repo(licenceRepo).partyExists(ctx.orgId, input.partyId))) throw errors.notFound(`party ${input.partyId}`);
    const id = newId('lic');
    await ctx.repo((db) => db.query(
      `INSERT INTO master_data.licence (org_id, id, party_id, type, number, issuer, scope, valid_from, valid_to, file_id, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $11)`,
      [ctx.orgId, id, input.partyId, input.type, input.number, input.issuer, input.scope, input.validFrom, input.validTo, input.fileId, ctx.now],
    ));
    ctx.emit('master_data.licence.created', { id, partyId: input.partyId, type: input.type, validTo: input.validTo });
    return { id };
  },
});

/** A renewed or corrected licence; the audit trail keeps every earlier value. */
export const updateLicence = defineCommand({
  name: 'master_data.licence.update',
  summary: { 'zh-CN': '更新证照（换证、更正）', en: 'Update a licence (renewal, correction)' },
  input: z.strictObject({ id: z.string().min(1).max(64), ...z.object(fields).partial().shape }),
  reasonRequired: true,
  async handler(ctx, input) {
    const current = await ctx.repo(licenceRepo).lock(ctx.orgId, input.id);
    if (!current) throw errors.notFound(`licence ${input.id}`);
    checkValidity({ validFrom: input.validFrom ?? current.valid_from, validTo: input.validTo === undefined ? current.valid_to : input.validTo });
    const sets = ['updated_at = $3'];
    const params: unknown[] = [ctx.orgId, input.id, ctx.now];
    for (const [field, column] of Object.entries(columns)) {
      if ((input as Record<string, unknown>)[field] === undefined) continue;
      params.push((input as Record<string, unknown>)[field]);
      sets.push(`${column} = $${params.length}`);
    }
    await ctx.repo((db) => db.query(`UPDATE master_data.licence SET ${sets.join(', ')} WHERE org_id = $1 AND id = $2`, params));
    ctx.emit('master_data.licence.updated', { id: input.id, partyId: current.party_id });
    return { id: input.id };
  },
});

export const deactivateLicence = defineCommand({
  name: 'master_data.licence.deactivate',
  summary: { 'zh-CN': '注销证照', en: 'Deactivate a licence' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  reasonRequired: true,
  async handler(ctx, input) {
    const current = await ctx.repo(licenceRepo).lock(ctx.orgId, input.id);
    if (!current) throw errors.notFound(`licence ${input.id}`);
    await ctx.repo((db) => db.query('UPDATE master_data.licence SET active = false, updated_at = $3 WHERE org_id = $1 AND id = $2', [ctx.orgId, input.id, ctx.now]));
    return { id: input.id, active: false };
  },
});

export const listLicences = defineQuery({
  name: 'master_data.licence.list',
  permission: 'master_data.party.read',
  summary: { 'zh-CN': '单位证照', en: 'Licences of a party' },
  input: z.strictObject({ partyId: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    return { items: (await ctx.repo(licenceRepo).forParties(ctx.orgId, [input.partyId])).map(licenceView) };
  },
});

export const licenceCommands = [addLicence, updateLicence, deactivateLicence];
