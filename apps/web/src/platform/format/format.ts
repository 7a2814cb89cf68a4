import dayjs from 'dayjs';

/** Date-time with seconds and UTC offset — unambiguous for audit records and signatures. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss [UTC]Z') : value;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

/** Renders an audited column value (any JSON) as a short string. */
export function formatAuditValue(value: unknown, labels: { empty: string; yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return labels.empty;
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.length === 0 ? labels.empty : value.join(', ');
  }
  return JSON.stringify(value);
}

/** True while `lockedUntil` lies in the future. */
export function isLocked(lockedUntil: string | null | undefined, now: Date = new Date()): boolean {
  if (!lockedUntil) return false;
  const t = Date.parse(lockedUntil);
  return Number.isFinite(t) && t > now.getTime();
}
