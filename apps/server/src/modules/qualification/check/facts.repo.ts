import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import type { FileFact, PartyFacts, ProductFacts } from './facts.ts';

/** Reads the facts the rules need; the only place of this module that knows master-data tables. */
export function factsRepo(db: Queryable) {
  async function latestFiles(orgId: string, subjectId: string): Promise<Record<string, FileFact>> {
    // The newest file per kind decides (a rejected file followed by a new one: the new one counts).
    const rows = (await db.query<FileFact & { kind: string }>(
      `SELECT DISTINCT ON (kind) kind, id, number, status FROM qualification.qualification_file
        WHERE org_id = $1 AND subject_id = $2 ORDER BY kind, created_at DESC, id DESC`,
      [orgId, subjectId],
    )).rows;
    return Object.fromEntries(rows.map((r) => [r.kind, { id: r.id, number: r.number, status: r.status }]));
  }

  return {
    async party(orgId: string, id: string): Promise<PartyFacts> {
      const party = (await db.query<Record<string, any>>('SELECT * FROM master_data.party WHERE org_id = $1 AND id = $2', [orgId, id])).rows[0];
      if (!party) throw errors.notFound(`party ${id}`);
      const licences = (await db.query<Record<string, any>>('SELECT * FROM master_data.licence WHERE org_id = $1 AND party_id = $2', [orgId, id])).rows;
      const letters = (await db.query<Record<string, any>>('SELECT * FROM master_data.authorisation WHERE org_id = $1 AND party_id = $2', [orgId, id])).rows;
      const files = await latestFiles(orgId, id);
      return {
        id, name: party.name, status: party.status, lockedReason: party.locked_reason, kinds: party.kinds, region: party.region,
        customerType: party.customer_type, hasDeliveryNote: Boolean(party.delivery_note_file_id), hasSeal: Boolean(party.seal_file_id),
        licences: licences.map((l) => ({ id: l.id, type: l.type, number: l.number, scope: l.scope, validFrom: l.valid_from, validTo: l.valid_to, active: l.active, hasFile: Boolean(l.file_id) })),
        authorisations: letters.map((a) => ({
          id: a.id, productIds: a.product_ids, territory: a.territory, validFrom: a.valid_from, validTo: a.valid_to, active: a.active,
          salespersonIdNumber: a.salesperson_id_number, hasFile: Boolean(a.file_id),
        })),
        files: { supplier: files.supplier, customer: files.customer },
      };
    },
    async product(orgId: string, id: string): Promise<ProductFacts> {
      const p = (await db.query<Record<string, any>>('SELECT * FROM master_data.product WHERE org_id = $1 AND id = $2', [orgId, id])).rows[0];
      if (!p) throw errors.notFound(`product ${id}`);
      const files = await latestFiles(orgId, id);
      return {
        id, name: p.name, status: p.status, lockedReason: p.locked_reason, deviceClass: p.device_class, categoryCode: p.category_code,
        registrationKind: p.registration_kind, registrationNo: p.registration_no, registrationValidFrom: p.registration_valid_from,
        registrationValidTo: p.registration_valid_to, hasRegistrationFile: Boolean(p.registration_file_id), hasLabel: Boolean(p.label_file_id),
        udiDi: p.udi_di, issuingAgency: p.issuing_agency, file: files.product,
      };
    },
    async orgRegion(orgId: string): Promise<string> {
      return (await db.query<{ region: string }>('SELECT region FROM platform.org WHERE org_id = $1 LIMIT 1', [orgId])).rows[0]?.region ?? '*';
    },
  };
}
