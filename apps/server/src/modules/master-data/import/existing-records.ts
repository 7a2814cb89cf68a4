import type { Queryable } from '../../../platform/db/db.ts';
import type { ExistingRecords, LookupKeys } from './row-validation.ts';

/** Reads what an import's rows may collide with or refer to; runs inside the import command's transaction. */
export function existingRecordsRepo(db: Queryable) {
  return {
    async lookup(orgId: string, keys: LookupKeys): Promise<ExistingRecords> {
      const udiDis = new Map<string, string>();
      if (keys.udiDis.length) {
        const rows = (await db.query<{ udi_di: string; number: string }>(
          `SELECT p.udi_di, p.number FROM master_data.product p WHERE p.org_id = $1 AND p.udi_di = ANY($2)
           UNION ALL
           SELECT k.udi_di, p.number FROM master_data.product_package k
             JOIN master_data.product p ON p.org_id = k.org_id AND p.id = k.product_id
            WHERE k.org_id = $1 AND k.udi_di = ANY($2)`,
          [orgId, keys.udiDis],
        )).rows;
        for (const row of rows) udiDis.set(row.udi_di, row.number);
      }
      const parties = new Map<string, { id: string; number: string }>();
      if (keys.creditCodes.length) {
        const rows = (await db.query<{ id: string; number: string; credit_code: string }>(
          'SELECT id, number, credit_code FROM master_data.party WHERE org_id = $1 AND credit_code = ANY($2)', [orgId, keys.creditCodes],
        )).rows;
        for (const row of rows) parties.set(row.credit_code, { id: row.id, number: row.number });
      }
      const licences = new Set<string>();
      if (keys.licenceNumbers.length) {
        const rows = (await db.query<{ type: string; number: string }>(
          'SELECT type, number FROM master_data.licence WHERE org_id = $1 AND number = ANY($2)', [orgId, keys.licenceNumbers],
        )).rows;
        for (const row of rows) licences.add(`${row.type}|${row.number}`);
      }
      return { udiDis, parties, licences };
    },
  };
}
