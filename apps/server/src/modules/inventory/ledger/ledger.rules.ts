import { Decimal } from 'decimal.js';
import { statusLabel, type QualityStatus } from './cbv.ts';

export interface MovementLine {
  productId: string;
  lot: string;
  serial: string;
  expiry: string | null;
  locationId: string;
  status: QualityStatus;
  /** Signed, exact: '+12', '-1.5'. */
  quantity: string;
  sourceLine?: string | null;
}

export interface LocationFacts {
  id: string;
  code: string;
  statuses: string[];
  tempMin: string | null;
  tempMax: string | null;
  humidityMin: string | null;
  humidityMax: string | null;
  lightProtected: boolean;
  active: boolean;
}

export interface ProductStorage {
  id: string;
  name: string;
  tracking: 'lot' | 'serial' | 'lot_serial';
  storageTempMin: string | null;
  storageTempMax: string | null;
  humidityMin: string | null;
  humidityMax: string | null;
  lightProtection: boolean;
}

export interface LineProblem {
  line: number;
  code: string;
  message: { 'zh-CN': string; en: string };
  requirement?: string;
}

const within = (inner: [string | null, string | null], outer: [string | null, string | null]) => {
  // The bin's range must lie inside the product's range; an unset product bound accepts anything.
  const [innerMin, innerMax] = inner;
  const [outerMin, outerMax] = outer;
  if (outerMin !== null && (innerMin === null || new Decimal(innerMin).lt(outerMin))) return false;
  if (outerMax !== null && (innerMax === null || new Decimal(innerMax).gt(outerMax))) return false;
  return true;
};

/**
 * Pure checks of a posting before it touches the ledger: quantities, serial rules, the status a bin may
 * hold (CN-INV-01) and, for stock coming in, storage conditions matching the product (CN-INV-06).
 */
export function checkMovements(
  lines: MovementLine[],
  locations: Map<string, LocationFacts>,
  products: Map<string, ProductStorage>,
  options: { locationRules: boolean } = { locationRules: true },
): LineProblem[] {
  const problems: LineProblem[] = [];
  lines.forEach((line, index) => {
    const quantity = new Decimal(line.quantity);
    const location = locations.get(line.locationId);
    const product = products.get(line.productId);
    const add = (code: string, zh: string, en: string, requirement?: string) => problems.push({ line: index, code, message: { 'zh-CN': zh, en }, requirement });
    if (quantity.isZero()) add('ZERO_QUANTITY', '数量不能为零', 'The quantity must not be zero');
    if (!product) return add('UNKNOWN_PRODUCT', `未知产品 ${line.productId}`, `Unknown product ${line.productId}`);
    if (!location) return add('UNKNOWN_LOCATION', `未知货位 ${line.locationId}`, `Unknown location ${line.locationId}`);
    if (product.tracking !== 'lot' && !line.serial) add('SERIAL_REQUIRED', `产品“${product.name}”按序列号管理，必须提供序列号`, `Product “${product.name}” is serialised: a serial is required`, 'CN-SYS-10');
    if (product.tracking !== 'serial' && !line.lot) add('LOT_REQUIRED', `产品“${product.name}”必须提供批号`, `Product “${product.name}” needs a lot number`, 'CN-SYS-10');
    if (line.serial && !quantity.abs().eq(1)) add('SERIAL_QUANTITY', '序列号的数量只能为 1', 'A serial moves one unit at a time');
    if (quantity.gt(0) && options.locationRules) {
      if (!location.active) add('LOCATION_INACTIVE', `货位 ${location.code} 已停用`, `Location ${location.code} is inactive`);
      if (!location.statuses.includes(line.status)) {
        add('LOCATION_STATUS', `货位 ${location.code} 不能存放“${statusLabel[line.status]['zh-CN']}”状态的货物`, `Location ${location.code} does not hold ${statusLabel[line.status].en.toLowerCase()} stock`, 'CN-INV-01');
      }
      const tempOk = within([location.tempMin, location.tempMax], [product.storageTempMin, product.storageTempMax]);
      const humidityOk = within([location.humidityMin, location.humidityMax], [product.humidityMin, product.humidityMax]);
      const lightOk = !product.lightProtection || location.lightProtected;
      if (!tempOk || !humidityOk || !lightOk) {
        add('STORAGE_CONDITIONS', `货位 ${location.code} 的贮存条件（${location.tempMin ?? '-'}~${location.tempMax ?? '-'}℃）不符合“${product.name}”的要求（${product.storageTempMin ?? '-'}~${product.storageTempMax ?? '-'}℃${product.lightProtection ? '，避光' : ''}）`,
          `Location ${location.code} (${location.tempMin ?? '-'}–${location.tempMax ?? '-'} °C) does not meet the storage conditions of “${product.name}” (${product.storageTempMin ?? '-'}–${product.storageTempMax ?? '-'} °C${product.lightProtection ? ', protect from light' : ''})`, 'CN-INV-06');
      }
    }
  });
  return problems;
}
