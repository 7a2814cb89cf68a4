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
