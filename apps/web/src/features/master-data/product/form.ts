import dayjs, { type Dayjs } from 'dayjs';
import type { DeviceClass, IssuingAgency, Product, ProductInput, RegistrationKind, Tracking } from './types.ts';

export interface ProductFormValues {
  name: string;
  model: string;
  registrant: string;
  registrationNo: string;
  registrationKind: RegistrationKind;
  registrationValidFrom: Dayjs | null;
  registrationValidTo: Dayjs | null;
  registrationScope?: string | null;
  registrationFileId?: string | null;
  manufacturer?: string | null;
  manufacturerLicenceNo?: string | null;
  deviceClass: DeviceClass;
  categoryCode: string;
  udiDi: string | null;
  issuingAgency?: IssuingAgency | null;
  tracking: Tracking;
  storageTempMin: string | number | null;
  storageTempMax: string | number | null;
  humidityMin?: string | number | null;
  humidityMax?: string | number | null;
  lightProtection?: boolean;
  stackingLimit?: number | null;
  transportConditions?: string | null;
  shelfLifeDays: number | null;
  implantable: boolean;
  labelFileId?: string | null;
  reason?: string;
}

function decimalOrNull(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (s === '') return null;
  // canonical decimal text: "2.0" → "2", "08" → "8", so unchanged values compare equal
  const n = Number(s);
  return Number.isFinite(n) ? String(n) : s;
}

const textOrNull = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

const day = (v: string | null | undefined) => (v ? dayjs(v.slice(0, 10)) : null);
const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

export function productToFormValues(p: ProductInput): ProductFormValues {
  return {
    name: p.name,
    model: p.model,
    registrant: p.registrant,
    registrationNo: p.registrationNo,
    registrationKind: p.registrationKind ?? 'registration',
    registrationValidFrom: day(p.registrationValidFrom),
    registrationValidTo: day(p.registrationValidTo),
    registrationScope: p.registrationScope ?? null,
    registrationFileId: p.registrationFileId ?? null,
    manufacturer: p.manufacturer ?? null,
    manufacturerLicenceNo: p.manufacturerLicenceNo ?? null,
    deviceClass: p.deviceClass,
    categoryCode: p.categoryCode,
    udiDi: p.udiDi,
    issuingAgency: p.issuingAgency ?? null,
    tracking: p.tracking,
    storageTempMin: p.storageTempMin,
    storageTempMax: p.storageTempMax,
    humidityMin: p.humidityMin ?? null,
    humidityMax: p.humidityMax ?? null,
    lightProtection: !!p.lightProtection,
    stackingLimit: p.stackingLimit ?? null,
    transportConditions: p.transportConditions ?? null,
    shelfLifeDays: p.shelfLifeDays,
    implantable: !!p.implantable,
    labelFileId: p.labelFileId ?? null,
  };
}

/** Form values → request body (dates as yyyy-mm-dd, temperatures and humidity as decimal strings, blanks as null). */
export function formValuesToProductInput(v: ProductFormValues): ProductInput {
  return {
    name: v.name.trim(),
    model: v.model.trim(),
    registrant: v.registrant.trim(),
    registrationNo: v.registrationNo.trim(),
    registrationKind: v.registrationKind ?? 'registration',
    registrationValidFrom: iso(v.registrationValidFrom),
    registrationValidTo: iso(v.registrationValidTo),
    registrationScope: textOrNull(v.registrationScope),
    registrationFileId: v.registrationFileId || null,
    manufacturer: textOrNull(v.manufacturer),
    manufacturerLicenceNo: textOrNull(v.manufacturerLicenceNo),
    deviceClass: v.deviceClass,
    categoryCode: v.categoryCode.trim(),
    udiDi: v.udiDi?.trim() || null,
    issuingAgency: v.issuingAgency || null,
    tracking: v.tracking,
    storageTempMin: decimalOrNull(v.storageTempMin),
    storageTempMax: decimalOrNull(v.storageTempMax),
    humidityMin: decimalOrNull(v.humidityMin),
    humidityMax: decimalOrNull(v.humidityMax),
    lightProtection: !!v.lightProtection,
    stackingLimit: v.stackingLimit ?? null,
    transportConditions: textOrNull(v.transportConditions),
    shelfLifeDays: v.shelfLifeDays ?? null,
    implantable: !!v.implantable,
    labelFileId: v.labelFileId || null,
  };
}

/** Only the business fields of a product, normalized the way the form would send them. */
export function productInputOf(p: Product): ProductInput {
  return formValuesToProductInput(productToFormValues(p));
}

export const EMPTY_PRODUCT_FORM: Partial<ProductFormValues> = {
  deviceClass: 'II',
  tracking: 'lot',
  registrationKind: 'registration',
  implantable: false,
  lightProtection: false,
  storageTempMin: null,
  storageTempMax: null,
  shelfLifeDays: null,
};
