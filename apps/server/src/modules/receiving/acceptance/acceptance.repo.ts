import type { Queryable } from '../../../platform/db/db.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import { insertRows } from '../shared.repo.ts';

export interface AcceptanceLineRow extends Record<string, unknown> {
  id: string;
  line_no: number;
  receipt_line_id: string;
  product_id: string;
  product_name: string | null;
  product_model: string | null;
  registrant: string | null;
  registration_no: string | null;
  udi_di: string | null;
  tracking: 'lot' | 'serial' | 'lot_serial';
  lot: string;
  serial_count: number;
  expiry: string | null;
  quantity: string;
  verdict: 'accepted' | 'rejected' | 'partial';
  accepted_quantity: string;
  rejected_quantity: string;
  rejected_serials: { serial: string; defect: string }[];
  defects: string | null;
  disposition: string | null;
  cold_chain_excursion: boolean;
}

/** SQL of acceptance records and their lines. */
export function acceptanceRepo(db: Queryable) {
  return {
    async insert(row: Record<string, unknown>): Promise<void> {
      const columns = Object.keys(row);
      await insertRows(db, 'receiving.acceptance', columns, [columns.map((c) => row[c])]);
    },
    async insertLines(rows: Record<string, unknown>[]): Promise<void> {
      const columns = Object.keys(rows[0]);
      await insertRows(db, 'receiving.acceptance_line', columns, rows.map((r) => columns.map((c) => r[c])));
    },
    async live(orgId: string, receiptId: string): Promise<{ id: string; number: string } | undefined> {
      return (await db.query<{ id: string; number: string }>(
        `SELECT id, number FROM receiving.acceptance WHERE org_id = $1 AND receipt_id = $2 AND status <> 'cancelled'`, [orgId, receiptId],
      )).rows[0];
    },
    async get(orgId: string, id: string): Promise<DocumentRow | undefined> {
      return (await db.query<DocumentRow>(
        'SELECT * FROM receiving.acceptance WHERE org_id = $1 AND id = $2', [orgId, id],
      )).rows[0];
    },
    async lines(orgId: string, acceptanceId: string): Promise<AcceptanceLineRow[]> {
      return (await db.query<AcceptanceLineRow>(
        `SELECT * FROM receiving.acceptance_line WHERE org_id = $1 AND acceptance_id = $2 ORDER BY line_no`, [orgId, acceptanceId],
      )).rows;
    },
    async setEvent(orgId: string, id: string, eventId: string): Promise<void> {
      await db.query('UPDATE receiving.acceptance SET event_id = $3 WHERE org_id = $1 AND id = $2', [orgId, id, eventId]);
    },
    async list(orgId: string, filter: { status?: string; receiptId?: string; limit: number; offset: number }): Promise<{ rows: DocumentRow[]; total: number }> {
      const where = 'org_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR receipt_id = $3)';
      const params = [orgId, filter.status ?? null, filter.receiptId ?? null];
      const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM receiving.acceptance WHERE ${where}`, params)).rows[0].n;
      const rows = (await db.query<DocumentRow>(
        `SELECT * FROM receiving.acceptance WHERE ${where} ORDER BY number DESC LIMIT $4 OFFSET $5`, [...params, filter.limit, filter.offset],
      )).rows;
      return { rows, total };
    },
  };
}
