import dayjs, { type Dayjs } from 'dayjs';
import { PARTY_KINDS, type Party, type PartyInput, type PartyKind } from './types.ts';

export interface PartyFormValues {
  name: string;
  kinds: PartyKind[];
  creditCode: string;
  licenceNo?: string | null;
  licenceValidTo?: Dayjs | null;
  address: string;
  contact?: string | null;
  phone?: string | null;
  reason?: string;
}

const textOrNull = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

export function partyToFormValues(p: PartyInput): PartyFormValues {
  return {
    name: p.name,
    kinds: [...(p.kinds ?? [])],
    creditCode: p.creditCode,
    licenceNo: p.licenceNo,
    licenceValidTo: p.licenceValidTo ? dayjs(p.licenceValidTo.slice(0, 10)) : null,
    address: p.address,
    contact: p.contact,
    phone: p.phone,
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
  };
}

export function partyInputOf(p: Party): PartyInput {
  return formValuesToPartyInput(partyToFormValues(p));
}
