import type { MasterRecord } from '../shared/types.ts';

export type PartyKind = 'supplier' | 'customer' | 'manufacturer' | 'carrier';
export const PARTY_KINDS: readonly PartyKind[] = ['supplier', 'customer', 'manufacturer', 'carrier'];

export interface PartyInput {
  name: string;
  kinds: PartyKind[];
  /** 统一社会信用代码 */
  creditCode: string;
  licenceNo: string | null;
  /** yyyy-mm-dd */
  licenceValidTo: string | null;
  address: string;
  contact: string | null;
  phone: string | null;
}

export interface Party extends MasterRecord, PartyInput {}

export const PARTY_FIELDS: ReadonlyArray<keyof PartyInput> = ['name', 'kinds', 'creditCode', 'licenceNo', 'licenceValidTo', 'address', 'contact', 'phone'];

export const PARTY_AUDIT_TABLE = 'master_data.party';
