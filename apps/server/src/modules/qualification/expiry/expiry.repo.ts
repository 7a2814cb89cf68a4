import type { Queryable } from '../../../platform/db/db.ts';

export interface ExpiringDocument {
  documentType: 'licence' | 'registration' | 'authorisation';
  documentId: string;
  number: string;
  subjectKind: 'party' | 'product';
  subjectId: string;
  subjectName: string;
  validTo: string;
}

/** Every dated qualification document in one list: licences, product registrations, authorisation letters. */
export function expiryRepo(db: Queryable) {
  return {
    async documents(orgId: string, until: string): Promise<ExpiringDocument[]> {
      return (await db.query<ExpiringDocument>(
        `SELECT 'licence' AS "documentType", l.id AS "documentId", l.number, 'party' AS "subjectKind", p.id AS "subjectId", p.name AS "subjectName", l.valid_to AS "validTo"
           FROM master_data.licence l JOIN master_data.party p ON p.org_id = l.org_id AND p.id = l.party_id
          WHERE l.org_id = $1 AND l.active AND l.valid_to IS NOT NULL AND l.valid_to <= $2
         UNION ALL
         SELECT 'registration', pr.id, pr.registration_no, 'product', pr.id, pr.name, pr.registration_valid_to
           FROM master_data.product pr WHERE pr.org_id = $1 AND pr.registration_valid_to IS NOT NULL AND pr.registration_valid_to <= $2
         UNION ALL
         SELECT 'authorisation', a.id, a.salesperson_name, 'party', p.id, p.name, a.valid_to
           FROM master_data.authorisation a JOIN master_data.party p ON p.org_id = a.org_id AND p.id = a.party_id
          WHERE a.org_id = $1 AND a.active AND a.valid_to <= $2
         ORDER BY "validTo"`,
        [orgId, until],
      )).rows;
    },
    async noticed(orgId: string): Promise<Set<string>> {
      const rows = (await db.query<{ key: string }>(`SELECT document_type || ':' || document_id || ':' || kind || ':' || valid_to AS key FROM qualification.expiry_notice WHERE org_id = $1`, [orgId])).rows;
      return new Set(rows.map((r) => r.key));
    },
    async notice(orgId: string, id: string, doc: ExpiringDocument, kind: 'warning' | 'expired', now: Date) {
      await db.query(
        `INSERT INTO qualification.expiry_notice (org_id, id, document_type, document_id, kind, valid_to, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING`,
        [orgId, id, doc.documentType, doc.documentId, kind, doc.validTo, now],
      );
    },
    /** Approved files that depend on the subject: a party's supplier/customer files, a product's file. */
    async dependentFiles(orgId: string, subjectId: string): Promise<string[]> {
      return (await db.query<{ id: string }>(`SELECT id FROM qualification.qualification_file WHERE org_id = $1 AND subject_id = $2 AND status = 'approved'`, [orgId, subjectId])).rows.map((r) => r.id);
    },
  };
}
