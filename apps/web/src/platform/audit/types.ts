import type { SignatureView } from '../signature/types.ts';

export type AuditOp = 'INSERT' | 'UPDATE' | 'DELETE';

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  commandId: string;
  command: string;
  /** `username` is in the UI contract but the server may omit it. */
  actor: { id: string | null; username?: string; displayName: string | null } | null;
  at: string | null;
  reason: string | null;
  op: AuditOp;
  changes: AuditChange[];
  signatures: SignatureView[];
}

export interface AuditHistory {
  chain: { status: 'intact' | 'pending' | 'broken'; detail?: string };
  entries: AuditEntry[];
}

/** Audited tables the UI knows how to label. */
export const AUDIT_TABLES = {
  'master_data.product': 'product',
  'master_data.party': 'party',
} as const;

export type AuditTable = keyof typeof AUDIT_TABLES;

/** Timeline colour for an entry: signatures and rejections stand out. */
export function auditEntryColor(entry: Pick<AuditEntry, 'op' | 'command' | 'signatures'>): 'green' | 'blue' | 'red' | 'gray' {
  if (entry.op === 'DELETE' || /reject/.test(entry.command)) return 'red';
  if (entry.signatures.length > 0 || /approve|release/.test(entry.command)) return 'green';
  if (entry.op === 'INSERT') return 'blue';
  return 'gray';
}

/** Orders entries newest first without mutating the input. */
export function sortAuditEntries(entries: readonly AuditEntry[]): AuditEntry[] {
  const time = (e: AuditEntry) => (e.at ? Date.parse(e.at) : 0);
  return [...entries].sort((a, b) => time(b) - time(a));
}

/** Fields that are bookkeeping rather than business content are shown last. */
const META_FIELDS = new Set([
  'id',
  'number',
  'status',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_by',
  'submitted_at',
  'createdBy',
  'createdAt',
  'updatedAt',
]);

export function orderChanges(changes: readonly AuditChange[]): AuditChange[] {
  return [...changes].sort((a, b) => Number(META_FIELDS.has(a.field)) - Number(META_FIELDS.has(b.field)));
}
