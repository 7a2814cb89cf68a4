import type { MasterRecord } from '../shared/types.ts';

export type DeviceClass = 'I' | 'II' | 'III';
export const DEVICE_CLASSES: readonly DeviceClass[] = ['I', 'II', 'III'];

export type Tracking = 'lot' | 'serial' | 'lot_serial';
export const TRACKINGS: readonly Tracking[] = ['lot', 'serial', 'lot_serial'];

/** Business fields sent on create/update. */
export interface ProductInput {
  name: string;
  model: string;
  registrant: string;
  registrationNo: string;
  /** yyyy-mm-dd, or null when not recorded */
  registrationValidTo: string | null;
  deviceClass: DeviceClass;
  categoryCode: string;
  /** GTIN-14, or null when the product has no UDI yet */
  udiDi: string | null;
  tracking: Tracking;
  /** Decimal °C as string, or null when not specified. */
  storageTempMin: string | null;
  storageTempMax: string | null;
  shelfLifeDays: number | null;
  implantable: boolean;
}

export interface Product extends MasterRecord, ProductInput {}

export const PRODUCT_FIELDS: ReadonlyArray<keyof ProductInput> = [
  'name',
  'model',
  'registrant',
  'registrationNo',
  'registrationValidTo',
  'deviceClass',
  'categoryCode',
  'udiDi',
  'tracking',
  'storageTempMin',
  'storageTempMax',
  'shelfLifeDays',
  'implantable',
];

export const PRODUCT_AUDIT_TABLE = 'master_data.product';
