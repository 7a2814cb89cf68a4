import type { SignatureView } from '../../platform/signature/types.ts';

/** Text the server sends in both languages (rule messages, missing items, document labels). */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** 首营档案 kinds: supplier (F-CN-1), product (F-CN-2), customer (购货者档案). */
export type FileKind = 'supplier' | 'product' | 'customer';
export const FILE_KINDS: readonly FileKind[] = ['supplier', 'product', 'customer'];

/** Lifecycle of a qualification file; `none` = no file yet (未建档). */
export type FileStatus = 'draft' | 'submitted' | 'reviewed' | 'approved' | 'rejected' | 'locked';
export const FILE_STATUSES: readonly FileStatus[] = ['draft', 'submitted', 'reviewed', 'approved', 'rejected', 'locked'];

/** What F-CN-1 / F-CN-2 / 购货者档案 still lacks, e.g. `registration.scan`. */
export interface MissingItem {
  item: string;
  requirement: string;
  message: LocalizedText;
}

export interface QualificationFile {
  id: string;
  number: string;
  kind: FileKind;
  subjectId: string;
  subjectName: string | null;
  note: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  missing: MissingItem[];
  status: FileStatus;
  version: number;
  createdBy: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
  signatures: SignatureView[];
}

export type FileAction = 'submit' | 'review' | 'approve' | 'reject' | 'lock' | 'reinstate';
export const FILE_ACTIONS: readonly FileAction[] = ['submit', 'review', 'approve', 'reject', 'lock', 'reinstate'];

export type ExpiryDocumentType = 'licence' | 'registration' | 'authorisation';

export interface ExpiryItem {
  documentType: ExpiryDocumentType;
  documentId: string;
  number: string;
  subjectKind: 'party' | 'product';
  subjectId: string;
  subjectName: string;
  validTo: string;
  daysLeft: number;
  expired: boolean;
}

export interface ExpirySummary {
  expired: number;
  within30: number;
  within60: number;
  within90: number;
  lockedFiles: number;
  pendingFiles: number;
  approvedFiles: number;
}

export interface ExpiryOverview {
  today: string;
  items: ExpiryItem[];
  summary: ExpirySummary;
}

export interface InboxItem {
  document: string;
  label: LocalizedText;
  transition: string;
  id: string;
  number: string;
  name: string | null;
  status: string;
  submittedAt: string | null;
  progress: Array<{ rule: string; given: number; required: number }>;
}

export type ChangeTarget = 'master_data.product' | 'master_data.party';

export interface ChangeRequest {
  id: string;
  number: string;
  target: ChangeTarget;
  targetId: string;
  changes: Record<string, unknown>;
  status: 'draft' | 'submitted' | 'approved' | 'rejected';
  version: number;
  createdBy: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
  signatures: SignatureView[];
}

export interface Finding {
  rule: string;
  version: number;
  requirement: string;
  severity: 'block' | 'warning';
  message: LocalizedText;
  facts: Record<string, unknown>;
}

export interface CheckResult {
  decision: 'allow' | 'block';
  date: string;
  reasons: Finding[];
  warnings: Finding[];
}

export interface RuleVersion {
  id: string;
  ruleKey: string;
  version: number;
  region: string;
  enabled: boolean;
  params: Record<string, unknown>;
  effectiveFrom: string;
  effectiveTo: string | null;
  requirementIds: string[];
}

/** Rule keys the server knows (national defaults); the UI labels each one. */
export const RULE_KEYS = [
  'product_master_approved',
  'product_registration_valid',
  'product_file_approved',
  'supplier_master_approved',
  'supplier_file_approved',
  'supplier_licence_valid',
  'supplier_scope_covers_product',
  'supplier_authorisation_covers',
  'customer_master_approved',
  'customer_file_approved',
  'customer_licence_valid',
  'customer_scope_covers_product',
  'expiry_warning',
  'expiry_sweep',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export function isRuleKey(v: string): v is RuleKey {
  return (RULE_KEYS as readonly string[]).includes(v);
}

export const QUALIFICATION_FILE_AUDIT_TABLE = 'qualification.qualification_file';
export const CHANGE_REQUEST_AUDIT_TABLE = 'qualification.change_request';
