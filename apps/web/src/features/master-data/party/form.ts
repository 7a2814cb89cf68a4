import dayjs, { type Dayjs } from 'dayjs';
import { PARTY_KINDS, type CustomerType, type Party, type PartyInput, type PartyKind } from './types.ts';

export interface PartyFormValues {
  name: string;
  kinds: PartyKind[];
  creditCode: string;
  licenceNo?: string | null;
  licenceValidTo?: Dayjs | null;
  address: string;
  contact?: string | null;
  phone?: string | null;
  region?: string | null;
  customerType?: CustomerType | null;
  deliveryNoteFileId?: string | null;
  sealFileId?: string | null;
  onsiteAuditDate?: Dayjs | null;
  onsiteAuditResult?: string | null;
  regulatorReportFlag?: boolean;
  reason?: string;
}

const textOrNull = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

const day = (v: string | null | undefined) => (v ? dayjs(v.slice(0, 10)) : null);

export function partyToFormValues(p: PartyInput): PartyFormValues {
  return {
    name: p.name,
    kinds: [...(p.kinds ?? [])],
    creditCode: p.creditCode,
    licenceNo: p.licenceNo,
    licenceValidTo: day(p.licenceValidTo),
    address: p.address,
    contact: p.contact,
    phone: p.phone,
    region: p.region ?? null,
    customerType: p.customerType ?? null,
    deliveryNoteFileId: p.deliveryNoteFileId ?? null,
    sealFileId: p.sealFileId ?? null,
    onsiteAuditDate: day(p.onsiteAuditDate),
    onsiteAuditResult: p.onsiteAuditResult ?? null,
    regulatorReportFlag: !!p.regulatorReportFlag,
  };
}

export function formValuesToPartyInput(v: PartyFormValues): PartyInput {
  return {
    name: v.name.trim(),
    // stable order so that an unchanged selection is not reported as a change
    kinds: PARTY_KINDS.filter((k) => v.kinds.includes(k)),
    creditCode: v.creditCode.trim().toUpperCase(),
    licenceNo: textOrNull(v.licenceNo),
    licenceValidTo: v.licenceValidTo ? v.licenceValidTo.format('YYYY-MM-DD') : null,
    address: v.address.trim(),
    contact: textOrNull(v.contact),
    phone: textOrNull(v.phone),
    region: v.region || null,
    customerType: v.customerType || null,
    deliveryNoteFileId: v.deliveryNoteFileId || null,
    sealFileId: v.sealFileId || null,
    onsiteAuditDate: v.onsiteAuditDate ? v.onsiteAuditDate.format('YYYY-MM-DD') : null,
    onsiteAuditResult: textOrNull(v.onsiteAuditResult),
    regulatorReportFlag: !!v.regulatorReportFlag,
  };
}

export function partyInputOf(p: Party): PartyInput {
  return formValuesToPartyInput(partyToFormValues(p));
}

/** 居民身份证号: 17 digits and a check character (GB 11643); the server checks the format only. */
export function idNumberCheck(value: string): 'format' | 'checkDigit' | null {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'format';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const codes = '10X98765432';
  const sum = weights.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return codes[sum % 11] === v[17] ? null : 'checkDigit';
}

/** Shows only the last four characters of an ID number (the server masks lists the same way). */
export function maskIdNumber(value: string): string {
  return value.length <= 4 ? value : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}
