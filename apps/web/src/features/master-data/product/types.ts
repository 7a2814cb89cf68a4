import type { MasterRecord } from '../shared/types.ts';

export type DeviceClass = 'I' | 'II' | 'III';
export const DEVICE_CLASSES: readonly DeviceClass[] = ['I', 'II', 'III'];

export type Tracking = 'lot' | 'serial' | 'lot_serial';
export const TRACKINGS: readonly Tracking[] = ['lot', 'serial', 'lot_serial'];

/** 注册证 (class II/III) or 备案凭证 (class I). */
export type RegistrationKind = 'registration' | 'filing';
export const REGISTRATION_KINDS: readonly RegistrationKind[] = ['registration', 'filing'];

/** UDI issuing agencies (发码机构). */
export type IssuingAgency = 'GS1' | 'MA' | 'AHM' | 'HIBCC' | 'ICCBBA' | 'IFA';
export const ISSUING_AGENCIES: readonly IssuingAgency[] = ['GS1', 'MA', 'AHM', 'HIBCC', 'ICCBBA', 'IFA'];

/** Business fields sent on create/update (F-CN-2 and the product master). */
export interface ProductInput {
  name: string;
  model: string;
  registrant: string;
  registrationNo: string;
  registrationKind: RegistrationKind;
  /** yyyy-mm-dd, or null when not recorded */
  registrationValidFrom: string | null;
  registrationValidTo: string | null;
  registrationScope: string | null;
  registrationFileId: string | null;
  /** 受托生产企业 and its production licence. */
  manufacturer: string | null;
  manufacturerLicenceNo: string | null;
  deviceClass: DeviceClass;
  categoryCode: string;
  /** GTIN-14, or null when the product has no UDI yet */
  udiDi: string | null;
  issuingAgency: IssuingAgency | null;
  tracking: Tracking;
  /** Decimal °C as string, or null when not specified. */
  storageTempMin: string | null;
  storageTempMax: string | null;
  /** Relative humidity % as decimal string. */
  humidityMin: string | null;
  humidityMax: string | null;
  lightProtection: boolean;
  stackingLimit: number | null;
  transportConditions: string | null;
  shelfLifeDays: number | null;
  implantable: boolean;
  labelFileId: string | null;
}

export interface Product extends MasterRecord, ProductInput {
  /** Set while an expired document or a QA lock blocks the product (read-only). */
  lockedReason?: string | null;
}

export const PRODUCT_FIELDS: ReadonlyArray<keyof ProductInput> = [
  'name',
  'model',
  'registrant',
  'registrationNo',
  'registrationKind',
  'registrationValidFrom',
  'registrationValidTo',
  'registrationScope',
  'registrationFileId',
  'manufacturer',
  'manufacturerLicenceNo',
  'deviceClass',
  'categoryCode',
  'udiDi',
  'issuingAgency',
  'tracking',
  'storageTempMin',
  'storageTempMax',
  'humidityMin',
  'humidityMax',
  'lightProtection',
  'stackingLimit',
  'transportConditions',
  'shelfLifeDays',
  'implantable',
  'labelFileId',
];

/**
 * Fields whose absence the server's partial update fills with a default: always sent with an
 * update or change request so that an unrelated change cannot reset them.
 */
export const PRODUCT_DEFAULTED_FIELDS: ReadonlyArray<keyof ProductInput> = ['registrationKind', 'lightProtection', 'implantable'];

export const PRODUCT_AUDIT_TABLE = 'master_data.product';

/** A packaging level: quantity = base units in one package of that level (level 0 = unit = 1). */
export interface PackagingLevel {
  level: number;
  name: string;
  udiDi: string | null;
  quantity: number;
}
