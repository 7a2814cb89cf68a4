import { QUALITY_STATUSES, type Balance, type QualityStatus, type StockItem } from './types.ts';

/** antd Tag colours of the quality statuses (colour-coded zones, GSP 库区色标). */
export const QUALITY_STATUS_COLORS: Record<QualityStatus, string> = {
  quarantine: 'yellow',
  released: 'green',
  rejected: 'red',
  hold: 'orange',
  recalled: 'purple',
  expired: 'default',
  returned: 'yellow',
};

export function isQualityStatus(v: unknown): v is QualityStatus {
  return typeof v === 'string' && (QUALITY_STATUSES as readonly string[]).includes(v);
}

export function qualityStatusColor(status: string): string {
  return isQualityStatus(status) ? QUALITY_STATUS_COLORS[status] : 'default';
}

/** A stable row key for a balance: product, lot, serial, bin and status. */
export function balanceKey(b: Pick<Balance, 'productId' | 'lot' | 'serial' | 'locationId' | 'status'>): string {
  return [b.productId, b.lot, b.serial, b.locationId, b.status].join('|');
}

/** Balance rows → command items (the whole balance unless a quantity is given per row key). */
export function stockItems(rows: readonly Balance[], quantities: Readonly<Record<string, string | undefined>> = {}): StockItem[] {
  return rows.map((r) => ({
    productId: r.productId,
    lot: r.lot,
    serial: r.serial,
    locationId: r.locationId,
    quantity: (quantities[balanceKey(r)] ?? '').trim() || trimDecimal(r.quantity),
  }));
}

/** "500.000" → "500", "1.250" → "1.25": the same exact value, without float arithmetic. */
export function trimDecimal(value: string): string {
  if (!value.includes('.')) return value;
  const trimmed = value.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '' || trimmed === '-' ? '0' : trimmed;
}

/** The one status every selected row shares, or null when they differ (a command moves one status). */
export function commonStatus(rows: readonly Pick<Balance, 'status'>[]): QualityStatus | null {
  if (rows.length === 0) return null;
  const first = rows[0]!.status;
  return rows.every((r) => r.status === first) ? first : null;
}

/** Sign of a ledger movement quantity, from its text. */
export function movementSign(quantity: string): 'in' | 'out' | 'zero' {
  const v = quantity.trim();
  if (v.startsWith('-')) return /[1-9]/.test(v) ? 'out' : 'zero';
  return /[1-9]/.test(v) ? 'in' : 'zero';
}

/** A quantity with its explicit sign for the stock card: "+1", "-1", "0". */
export function signedQuantity(quantity: string): string {
  const sign = movementSign(quantity);
  const abs = trimDecimal(quantity.replace(/^[-+]/, ''));
  return sign === 'in' ? `+${abs}` : sign === 'out' ? `-${abs}` : '0';
}

/** Signed decimal with up to 3 decimals (stock-take variances may be negative). */
export function isSignedQuantity(value: string): boolean {
  return /^-?\d{1,15}(\.\d{1,3})?$/.test(value.trim()) && /[1-9]/.test(value);
}

/** Positive decimal with up to 3 decimals, not above `max` when given (compared as exact decimals). */
export function isMovableQuantity(value: string, max?: string): boolean {
  const v = value.trim();
  if (!/^\d{1,15}(\.\d{1,3})?$/.test(v) || !/[1-9]/.test(v)) return false;
  return max === undefined || compareDecimals(v, max) <= 0;
}

/** Compares two non-negative decimal strings exactly. */
export function compareDecimals(a: string, b: string): number {
  const [ai = '0', af = ''] = a.trim().split('.');
  const [bi = '0', bf = ''] = b.trim().split('.');
  const aInt = ai.replace(/^0+/, '');
  const bInt = bi.replace(/^0+/, '');
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const len = Math.max(af.length, bf.length);
  const aF = af.padEnd(len, '0');
  const bF = bf.padEnd(len, '0');
  return aF === bF ? 0 : aF < bF ? -1 : 1;
}

/** Stock-card path of a balance's lot or serial. */
export function stockCardPath(b: Pick<Balance, 'productId' | 'lot' | 'serial'>): string {
  const p = new URLSearchParams({ productId: b.productId });
  p.set('lot', b.lot);
  if (b.serial) p.set('serial', b.serial);
  return `/inventory/stock-card?${p.toString()}`;
}

/** Requirement of a MOVEMENT_REFUSED that the UI explains: CN-INV-01 (bin status), CN-INV-06 (bin conditions). */
export function movementRefusal(problem: { code?: string; requirement?: string }): 'CN-INV-01' | 'CN-INV-06' | 'other' | null {
  if (problem.code !== 'MOVEMENT_REFUSED') return null;
  return problem.requirement === 'CN-INV-01' || problem.requirement === 'CN-INV-06' ? problem.requirement : 'other';
}
