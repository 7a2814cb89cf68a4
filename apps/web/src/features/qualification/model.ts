/**
 * Pure view logic of 首营与资质: status tags, expiry badges, joining qualification files and
 * expiring documents onto product/party rows, and before → after diffs of change requests.
 */
import { ApiError, isApiError } from '../../platform/api/problem.ts';
import type { ExpiryItem, FileKind, FileStatus, QualificationFile } from './types.ts';
import { FILE_STATUSES } from './types.ts';

type TagColor = 'default' | 'processing' | 'success' | 'error' | 'warning';

export interface FileStatusSpec {
  color: TagColor;
  labelKey: `qualification.fileStatus.${FileStatus | 'none'}`;
}

const FILE_STATUS_COLORS: Record<FileStatus | 'none', TagColor> = {
  none: 'default',
  draft: 'default',
  submitted: 'processing',
  reviewed: 'warning',
  approved: 'success',
  rejected: 'error',
  locked: 'error',
};

export function isFileStatus(v: unknown): v is FileStatus {
  return typeof v === 'string' && (FILE_STATUSES as readonly string[]).includes(v);
}

/** 首营 status tag: 未建档 / 草稿 / 待审核 / 待批准 / 已批准 / 已驳回 / 已锁定. */
export function fileStatusSpec(status: string | null | undefined): FileStatusSpec {
  const s = isFileStatus(status) ? status : 'none';
  return { color: FILE_STATUS_COLORS[s], labelKey: `qualification.fileStatus.${s}` };
}

export type ExpiryLevel = 'expired' | 'within30' | 'within90';

/** 已过期 (red), ≤ 30 天 (orange), ≤ 90 天 (gold); null when valid for longer or undated. */
export function expiryLevel(e: { daysLeft: number; expired: boolean } | null | undefined): ExpiryLevel | null {
  if (!e) return null;
  if (e.expired || e.daysLeft < 0) return 'expired';
  if (e.daysLeft <= 30) return 'within30';
  if (e.daysLeft <= 90) return 'within90';
  return null;
}

export const EXPIRY_COLORS: Record<ExpiryLevel, string> = { expired: 'red', within30: 'orange', within90: 'gold' };

/** Whole days from `today` to `validTo` (both yyyy-mm-dd, calendar days, no time zone drift). */
export function daysUntil(validTo: string, today: string): number {
  return Math.round((Date.parse(`${validTo.slice(0, 10)}T00:00:00Z`) - Date.parse(`${today.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** Expiry of a dated document as of `today`; null for documents without an end date. */
export function expiryOf(validTo: string | null | undefined, today: string): { daysLeft: number; expired: boolean } | null {
  if (!validTo) return null;
  const daysLeft = daysUntil(validTo, today);
  return { daysLeft, expired: daysLeft < 0 };
}

/** Today as yyyy-mm-dd in the browser's calendar. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The most urgent of several documents: expired first, then the fewest days left. */
export function mostUrgent<T extends { daysLeft: number; expired: boolean }>(items: readonly T[]): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (!best || item.daysLeft < best.daysLeft) best = item;
  }
  return best;
}

/**
 * The file that speaks for a subject and kind: the newest one that is not rejected (there is at most
 * one open file per subject and kind), otherwise the newest rejected one.
 */
export function currentFile<T extends Pick<QualificationFile, 'number' | 'status'>>(files: readonly T[]): T | null {
  const newestFirst = [...files].sort((a, b) => b.number.localeCompare(a.number));
  return newestFirst.find((f) => f.status !== 'rejected') ?? newestFirst[0] ?? null;
}

export interface SubjectQualification<F, E> {
  /** The current file per kind (supplier and customer for a party, product for a product). */
  files: Partial<Record<FileKind, F>>;
  /** Dated documents of the subject within the horizon, most urgent first. */
  expiry: E[];
  /** The most urgent of `expiry`, or null. */
  worst: E | null;
}

type FileLike = Pick<QualificationFile, 'number' | 'status' | 'kind' | 'subjectId'>;
type ExpiryLike = Pick<ExpiryItem, 'subjectId' | 'daysLeft' | 'expired'>;

/** Joins all files and the expiry list (each fetched once) by subject id. */
export function indexBySubject<F extends FileLike, E extends ExpiryLike>(files: readonly F[], expiry: readonly E[]): Map<string, SubjectQualification<F, E>> {
  const out = new Map<string, SubjectQualification<F, E>>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) {
      e = { files: {}, expiry: [], worst: null };
      out.set(id, e);
    }
    return e;
  };
  const grouped = new Map<string, F[]>();
  for (const f of files) {
    const key = `${f.subjectId}\u0000${f.kind}`;
    grouped.set(key, [...(grouped.get(key) ?? []), f]);
  }
  for (const [key, list] of grouped) {
    const [subjectId, kind] = key.split('\u0000') as [string, FileKind];
    const current = currentFile(list);
    if (current) entry(subjectId).files[kind] = current;
  }
  for (const e of expiry) entry(e.subjectId).expiry.push(e);
  for (const e of out.values()) {
    e.expiry.sort((a, b) => a.daysLeft - b.daysLeft);
    e.worst = mostUrgent(e.expiry);
  }
  return out;
}

/** What a row shows: its entry or an empty one (未建档, no expiry badge). */
export function qualificationOf<F, E>(index: Map<string, SubjectQualification<F, E>> | undefined, subjectId: string): SubjectQualification<F, E> {
  return index?.get(subjectId) ?? { files: {}, expiry: [], worst: null };
}

/** The file kinds that apply to a party with these kinds. */
export function partyFileKinds(kinds: readonly string[]): FileKind[] {
  const out: FileKind[] = [];
  if (kinds.includes('supplier') || kinds.includes('manufacturer')) out.push('supplier');
  if (kinds.includes('customer')) out.push('customer');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Change requests: proposed changes against the current record

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}(T.*)?$/;
const DECIMAL_WITH_POINT = /^-?\d+\.\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function normalize(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') {
    if (DATE_PREFIX.test(v)) return v.slice(0, 10);
    // "2.0" and "2.00" are the decimal 2; digit strings without a point (UDI-DI, phone) stay text
    if (DECIMAL_WITH_POINT.test(v.trim())) return Number(v);
    return v;
  }
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

/** Equality as a user sees it: "2.0" = 2, "2029-06-30T00:00:00Z" = "2029-06-30", null = "" = undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = normalize(a);
  const y = normalize(b);
  if (x === y) return true;
  if (x === null || y === null) return false;
  if (typeof x === 'number' && typeof y === 'string' && DECIMAL.test(y)) return x === Number(y);
  if (typeof y === 'number' && typeof x === 'string' && DECIMAL.test(x)) return y === Number(x);
  return JSON.stringify(x) === JSON.stringify(y);
}

export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
  /** False when the request repeats the current value (e.g. a defaulted boolean). */
  changed: boolean;
}

/** Each proposed field with the current value beside it, changed fields first, in proposal order. */
export function diffChanges(current: Record<string, unknown> | null | undefined, changes: Record<string, unknown>): ChangeRow[] {
  const rows = Object.entries(changes).map(([field, after]) => {
    const before = current ? current[field] : undefined;
    return { field, before: before ?? null, after, changed: current ? !sameValue(before, after) : true };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

/**
 * The body of an update or change request: only the changed fields, plus `alwaysSend` fields with
 * their current form value. The server's partial update schema fills absent booleans and enums that
 * have a default (implantable, lightProtection, registrationKind, regulatorReportFlag) with that
 * default, so leaving them out would silently reset them.
 */
export function changeBody<T extends object>(before: T, after: T, alwaysSend: ReadonlyArray<keyof T> = []): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (!sameValue(before[key], after[key])) out[key] = after[key];
  }
  if (Object.keys(out).length === 0) return out;
  for (const key of alwaysSend) out[key] = after[key];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Change request status

const CHANGE_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
type ChangeStatus = (typeof CHANGE_STATUSES)[number];
const CHANGE_COLORS: Record<ChangeStatus, TagColor> = { draft: 'default', submitted: 'processing', approved: 'success', rejected: 'error' };

export function changeStatusSpec(status: string): { color: TagColor; labelKey: `changeRequest.status.${ChangeStatus}` | null } {
  return (CHANGE_STATUSES as readonly string[]).includes(status)
    ? { color: CHANGE_COLORS[status as ChangeStatus], labelKey: `changeRequest.status.${status as ChangeStatus}` }
    : { color: 'warning', labelKey: null };
}

/** A change request reports field errors as `changes.<field>`; the form's fields are `<field>`. */
export function remapChangePaths(err: unknown): unknown {
  if (!isApiError(err) || !err.problem.errors) return err;
  return new ApiError({
    ...err.problem,
    errors: err.problem.errors.map((x) => ({ ...x, path: typeof x.path === 'string' ? x.path.replace(/^\/?changes[./]/, '') : x.path })),
  });
}

// ---------------------------------------------------------------------------------------------
// Links

/** Where a record of a document type lives in the UI (approval inbox, expiry list, files). */
export function documentPath(document: string, id: string): string | null {
  const enc = encodeURIComponent(id);
  switch (document) {
    case 'master_data.product':
      return `/master-data/products/${enc}`;
    case 'master_data.party':
      return `/master-data/parties/${enc}`;
    case 'qualification.file':
      return `/qualification/files/${enc}`;
    case 'qualification.change_request':
      return `/qualification/change-requests/${enc}`;
    default:
      return null;
  }
}

/** The page of a file's subject: a product for product files, a party otherwise. */
export function subjectPath(kind: FileKind | 'party' | 'product', subjectId: string): string {
  return kind === 'product' ? `/master-data/products/${encodeURIComponent(subjectId)}` : `/master-data/parties/${encodeURIComponent(subjectId)}`;
}

/** The detail tab that holds an expiring document: licences and letters on the party, the registration on the product. */
export function expiryDocumentPath(item: Pick<ExpiryItem, 'documentType' | 'subjectId' | 'subjectKind'>): string {
  const base = subjectPath(item.subjectKind, item.subjectId);
  if (item.documentType === 'licence') return `${base}?tab=licences`;
  if (item.documentType === 'authorisation') return `${base}?tab=authorisations`;
  return base;
}

/**
 * Missing items of a 422 QUALIFICATION_INCOMPLETE: `errors[].path` is the item key (the message is
 * English only); the file's own `missing` list has the same keys with both languages.
 */
export function incompleteItems(problem: { code?: string; errors?: Array<{ path: string | Array<string | number>; message: string }> }): string[] {
  if (problem.code !== 'QUALIFICATION_INCOMPLETE') return [];
  return (problem.errors ?? []).map((e) => (Array.isArray(e.path) ? e.path.join('.') : e.path));
}

/** Items F-CN-1 / F-CN-2 / 购货者档案 can lack (server `missing[].item`), as i18n-safe keys. */
export const MISSING_ITEM_KEYS = [
  'business_licence',
  'business_licence_scan',
  'trade_licence',
  'trade_licence_scan',
  'authorisation',
  'authorisation_scan',
  'delivery_note_template',
  'seal',
  'registration',
  'registration_scan',
  'label',
  'udi_di',
  'customer_type',
  'licence',
  'licence_scope',
  'licence_scan',
] as const;
export type MissingItemKey = (typeof MISSING_ITEM_KEYS)[number];

export function missingItemKey(item: string): MissingItemKey | null {
  const key = item.replace(/\./g, '_');
  return (MISSING_ITEM_KEYS as readonly string[]).includes(key) ? (key as MissingItemKey) : null;
}
