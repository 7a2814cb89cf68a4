/** Quality statuses of stock (cbv.ts): 待验 合格 不合格 暂控 召回 过期 退货. */
export type QualityStatus = 'quarantine' | 'released' | 'rejected' | 'hold' | 'recalled' | 'expired' | 'returned';
export const QUALITY_STATUSES: readonly QualityStatus[] = ['quarantine', 'released', 'rejected', 'hold', 'recalled', 'expired', 'returned'];

export type Zone = 'receiving' | 'quarantine' | 'storage' | 'rejected' | 'returns' | 'shipping' | 'hold';
export const ZONES: readonly Zone[] = ['receiving', 'quarantine', 'storage', 'rejected', 'returns', 'shipping', 'hold'];

export interface Balance {
  productId: string;
  productName: string;
  model: string | null;
  udiDi: string | null;
  lot: string;
  serial: string;
  expiry: string | null;
  locationId: string;
  locationCode: string;
  status: QualityStatus;
  /** Exact decimal string, e.g. "500.000". */
  quantity: string;
}

export interface StockLocation {
  id: string;
  warehouseId: string;
  warehouseCode: string;
  code: string;
  name: string;
  zone: Zone;
  statuses: QualityStatus[];
  tempMin: string | null;
  tempMax: string | null;
  humidityMin: string | null;
  humidityMax: string | null;
  lightProtected: boolean;
  active: boolean;
}

export interface StockCardEntry {
  id: number;
  at: string;
  lot: string;
  serial: string;
  expiry: string | null;
  locationId: string;
  locationCode: string;
  status: QualityStatus;
  /** Signed exact decimal: "-1.000" out, "1.000" in. */
  quantity: string;
  sourceType: string;
  sourceId: string;
  sourceLine: string | null;
  bizStep: string;
  disposition: string | null;
  actorName: string | null;
  reason: string | null;
}

export interface StockItem {
  productId: string;
  lot: string;
  serial: string;
  locationId: string;
  quantity: string;
}
