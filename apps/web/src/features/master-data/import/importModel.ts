import type { Problem } from '../../../platform/api/problem.ts';

export const IMPORT_KINDS = ['products', 'parties', 'licences'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportRowError {
  /** Sheet row number (row 1 is the header). */
  row: number;
  /** Column letter, e.g. "E". */
  column: string | null;
  field: string | null;
  message: string;
}

export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: number;
  errors: ImportRowError[];
  errorsOmitted?: number;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function rowError(v: unknown): ImportRowError | null {
  if (typeof v !== 'object' || v === null) return null;
  const e = v as Record<string, unknown>;
  if (typeof e.row !== 'number') return null;
  return {
    row: e.row,
    column: typeof e.column === 'string' ? e.column : null,
    field: typeof e.field === 'string' ? e.field : null,
    message: String(e.message ?? ''),
  };
}

/** The row-level report a 422 IMPORT_REJECTED carries in its problem `facts`; null for other problems. */
export function importReportOf(problem: Problem): ImportReport | null {
  if (problem.code !== 'IMPORT_REJECTED' || !problem.facts) return null;
  const f = problem.facts;
  const errors = Array.isArray(f.errors) ? f.errors.map(rowError).filter((e): e is ImportRowError => e !== null) : [];
  return {
    rows: num(f.rows),
    accepted: num(f.accepted),
    rejected: num(f.rejected),
    errors,
    ...(typeof f.errorsOmitted === 'number' ? { errorsOmitted: f.errorsOmitted } : {}),
  };
}

/** Pasted AccessGUDID JSON (object or array) is sent as JSON; anything starting with "<" as XML text. */
export function parseGudidInput(text: string): { ok: true; value: unknown } | { ok: false } {
  const s = text.trim();
  if (!s) return { ok: false };
  if (s.startsWith('<')) return { ok: true, value: s };
  try {
    const v: unknown = JSON.parse(s);
    if (typeof v === 'object' && v !== null) return { ok: true, value: v };
    return { ok: false };
  } catch {
    return { ok: false };
  }
}
