import dayjs, { type Dayjs } from 'dayjs';
import type { DeviceClass, Product, ProductInput, Tracking } from './types.ts';

export interface ProductFormValues {
  name: string;
  model: string;
  registrant: string;
  registrationNo: string;
  registrationValidTo: Dayjs | null;
  deviceClass: DeviceClass;
  categoryCode: string;
  udiDi: string | null;
  tracking: Tracking;
  storageTempMin: string | number | null;
  storageTempMax: string | number | null;
  shelfLifeDays: number | null;
  implantable: boolean;
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

export function productToFormValues(p: ProductInput): ProductFormValues {
  return {
    name: p.name,
    model: p.model,
    registrant: p.registrant,
    registrationNo: p.registrationNo,
    registrationValidTo: p.registrationValidTo ? dayjs(p.registrationValidTo.slice(0, 10)) : null,
    deviceClass: p.deviceClass,
    categoryCode: p.categoryCode,
    udiDi: p.udiDi,
    tracking: p.tracking,
    storageTempMin: p.storageTempMin,
    storageTempMax: p.storageTempMax,
    shelfLifeDays: p.shelfLifeDays,
    implantable: !!p.implantable,
  };
}

/** Form values → request body (dates as yyyy-mm-dd, temperatures as decimal strings). */
export function formValuesToProductInput(v: ProductFormValues): ProductInput {
  return {
    name: v.name.trim(),
    model: v.model.trim(),
    registrant: v.registrant.trim(),
    registrationNo: v.registrationNo.trim(),
    registrationValidTo: v.registrationValidTo ? v.registrationValidTo.format('YYYY-MM-DD') : null,
    deviceClass: v.deviceClass,
    categoryCode: v.categoryCode.trim(),
    udiDi: v.udiDi?.trim() || null,
    tracking: v.tracking,
    storageTempMin: decimalOrNull(v.storageTempMin),
    storageTempMax: decimalOrNull(v.storageTempMax),
    shelfLifeDays: v.shelfLifeDays ?? null,
    implantable: !!v.implantable,
  };
}

/** Only the business fields of a product, normalized the way the form would send them. */
export function productInputOf(p: Product): ProductInput {
  return formValuesToProductInput(productToFormValues(p));
}

export const EMPTY_PRODUCT_FORM: Partial<ProductFormValues> = {
  deviceClass: 'II',
  tracking: 'lot',
  implantable: false,
  storageTempMin: null,
  storageTempMax: null,
  shelfLifeDays: null,
};
