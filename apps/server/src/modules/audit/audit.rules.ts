export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const NOT_SHOWN = new Set(['org_id', 'updated_at']);

/** Field-level differences between two row images; the previous value is never lost (US-P11-02). */
export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (NOT_SHOWN.has(field)) continue;
    const old = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(now)) changes.push({ field, before: old, after: now });
  }
  return changes;
}
