/** Pure logic of the receiving screens: scanned lines, line inputs, flags by line. */
import type { ReceiptFlag } from './types.ts';

export interface DraftLine {
  key: string;
  /** The DI (GTIN) scanned, when the line came from a scan. */
  di: string | null;
  lot: string;
  serials: string[];
  expiry: string;
  productionDate: string;
  /** Exact decimal string. */
  quantity: string;
  /** The raw scan strings, sent to the server which checks each DI against the order (CN-UDI-03). */
  scans: string[];
  /** The ordered line, picked for a line typed by hand (a scanned line is matched by its DI on the server). */
  orderLineId?: string;
}

export interface ScannedUnit {
  raw: string;
  di: string | null;
  lot: string | null;
  serial: string | null;
  expiry: string | null;
  productionDate: string | null;
}

const increment = (quantity: string): string => {
  const n = /^\d+$/.test(quantity) ? BigInt(quantity) : 0n;
  return String(n + 1n);
};

/**
 * Adds a scan: the same DI + lot increments the line (a serial is added once; a repeated serial is reported),
 * otherwise a new line is started.
 */
export function addScan(lines: DraftLine[], unit: ScannedUnit, newKey: () => string): { lines: DraftLine[]; duplicateSerial: boolean } {
  const lot = unit.lot ?? '';
  const index = lines.findIndex((l) => l.di === unit.di && l.lot === lot);
  if (index < 0) {
    const line: DraftLine = {
      key: newKey(),
      di: unit.di,
      lot,
      serials: unit.serial ? [unit.serial] : [],
      expiry: unit.expiry ?? '',
      productionDate: unit.productionDate ?? '',
      quantity: '1',
      scans: [unit.raw],
    };
    return { lines: [...lines, line], duplicateSerial: false };
  }
  const line = lines[index];
  if (unit.serial && line.serials.includes(unit.serial)) return { lines, duplicateSerial: true };
  const serials = unit.serial ? [...line.serials, unit.serial] : line.serials;
  const next: DraftLine = {
    ...line,
    serials,
    expiry: line.expiry || unit.expiry || '',
    productionDate: line.productionDate || unit.productionDate || '',
    quantity: serials.length > 0 ? String(serials.length) : increment(line.quantity),
    scans: [...line.scans, unit.raw],
  };
  return { lines: lines.map((l, i) => (i === index ? next : l)), duplicateSerial: false };
}

/** The request line: scans, typed fields and quantity; empty fields are left out. */
export function lineInput(line: DraftLine) {
  return {
    ...(line.orderLineId ? { orderLineId: line.orderLineId } : {}),
    ...(line.scans.length > 0 ? { scans: line.scans } : {}),
    ...(line.lot.trim() ? { lot: line.lot.trim() } : {}),
    ...(line.serials.length > 0 ? { serials: line.serials } : {}),
    ...(line.expiry ? { expiry: line.expiry } : {}),
    ...(line.productionDate ? { productionDate: line.productionDate } : {}),
    ...(line.quantity.trim() ? { quantity: line.quantity.trim() } : {}),
  };
}

export const isQuantity = (v: string): boolean => /^\d+(\.\d+)?$/.test(v.trim()) && !/^0+(\.0+)?$/.test(v.trim());

/** Flags of one line (1-based line number), and those of the whole receipt (line null). */
export function flagsOfLine(flags: ReceiptFlag[] | null | undefined, lineNo: number | null): ReceiptFlag[] {
  return (flags ?? []).filter((f) => f.line === lineNo);
}

export const hasBlocking = (flags: ReceiptFlag[] | null | undefined): boolean => (flags ?? []).some((f) => f.severity === 'block');

/** A received line is fully accepted unless the inspector says otherwise. */
export function defaultVerdict(coldChainExcursion: boolean): 'accepted' | 'rejected' {
  return coldChainExcursion ? 'rejected' : 'accepted';
}

/** CN-REC-03: a product kept at 8 ℃ or colder needs the cold-chain record. */
export function needsColdChain(products: { storageTempMax: string | null }[]): boolean {
  return products.some((p) => p.storageTempMax !== null && p.storageTempMax !== '' && Number(p.storageTempMax) <= 8);
}

/** Transit readings typed as "2.5, 3, 4.1", spread evenly between departure and arrival. */
export function spreadReadings(text: string, departedAt: string, arrivedAt: string): { at: string; celsius: number }[] {
  const values = text.split(/[,，\s]+/).map((v) => v.trim()).filter(Boolean).map(Number).filter((v) => Number.isFinite(v));
  const from = Date.parse(departedAt);
  const to = Date.parse(arrivedAt);
  if (values.length === 0 || Number.isNaN(from) || Number.isNaN(to)) return [];
  const step = values.length > 1 ? (to - from) / (values.length - 1) : 0;
  return values.map((celsius, i) => ({ at: new Date(from + step * i).toISOString(), celsius }));
}

export interface PutawaySource {
  productId: string;
  lot: string;
  serial: string;
  locationId: string;
  quantity: string;
}

/** Putaway items from selected balances: serials of one product, lot and bin travel as one item; lots carry a quantity. */
export function putawayItems(rows: readonly PutawaySource[], quantities: Readonly<Record<string, string | undefined>> = {}, keyOf: (r: PutawaySource) => string = (r) => `${r.productId}|${r.lot}|${r.serial}|${r.locationId}`) {
  const items: { productId: string; lot: string; serials: string[]; quantity?: string; fromLocationId: string }[] = [];
  for (const r of rows) {
    if (r.serial) {
      const same = items.find((i) => i.productId === r.productId && i.lot === r.lot && i.fromLocationId === r.locationId && i.serials.length > 0);
      if (same) same.serials.push(r.serial);
      else items.push({ productId: r.productId, lot: r.lot, serials: [r.serial], fromLocationId: r.locationId });
    } else {
      const q = quantities[keyOf(r)]?.trim();
      items.push({ productId: r.productId, lot: r.lot, serials: [], quantity: q || r.quantity, fromLocationId: r.locationId });
    }
  }
  return items;
}
