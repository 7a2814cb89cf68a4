import type { RecordStatus } from '../../../platform/status/status.ts';
import type { SignatureView } from '../../../platform/signature/types.ts';

/** Fields every controlled master-data record carries. */
export interface MasterRecord {
  id: string;
  number: string;
  name: string;
  status: RecordStatus;
  version: number;
  createdBy: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  /** What the current user may do now (state × permission), computed by the server. */
  allowedActions: string[];
  signatures: SignatureView[];
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

export interface ListParams {
  q?: string;
  status?: string;
  limit: number;
  offset: number;
}

export type RecordAction = 'update' | 'submit' | 'approve' | 'reject';
export const RECORD_ACTIONS: readonly RecordAction[] = ['update', 'submit', 'approve', 'reject'];

/**
 * The actions to render as buttons, in a stable order, limited to what the UI
 * supports. The server's `allowedActions` already combines the lifecycle state
 * (e.g. editable in draft and rejected) with the user's permissions.
 */
export function visibleActions(allowed: readonly string[] | undefined): RecordAction[] {
  const set = new Set(allowed ?? []);
  return RECORD_ACTIONS.filter((a) => set.has(a));
}

/** Progress of a multi-approver rule, as returned by an approve command that did not complete. */
export interface ApprovalProgress {
  rule: string;
  given: number;
  required: number;
}

/**
 * When an approval was recorded but more signatures are needed (the record stays
 * submitted), returns the least-advanced rule's progress; otherwise null.
 */
export function pendingApproval(result: unknown): { given: number; required: number } | null {
  if (typeof result !== 'object' || result === null) return null;
  const { status, approvals } = result as { status?: unknown; approvals?: unknown };
  if (status === 'approved' || !Array.isArray(approvals)) return null;
  const open = (approvals as ApprovalProgress[]).filter((a) => typeof a?.given === 'number' && typeof a?.required === 'number' && a.given < a.required);
  if (open.length === 0) return null;
  const worst = open.reduce((m, a) => (a.required - a.given > m.required - m.given ? a : m));
  return { given: worst.given, required: worst.required };
}
