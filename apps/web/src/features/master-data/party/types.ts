import type { MasterRecord } from '../shared/types.ts';

export type PartyKind = 'supplier' | 'customer' | 'manufacturer' | 'carrier' | 'third_party_logistics';
export const PARTY_KINDS: readonly PartyKind[] = ['supplier', 'customer', 'manufacturer', 'carrier', 'third_party_logistics'];

/** 购货者类型 (GSP 82). */
export type CustomerType = 'medical_institution' | 'distributor' | 'producer' | 'other_user';
export const CUSTOMER_TYPES: readonly CustomerType[] = ['medical_institution', 'distributor', 'producer', 'other_user'];

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
  /** GB/T 2260 province code (2 digits), e.g. 31 上海 */
  region: string | null;
  customerType: CustomerType | null;
  /** 随货同行单样式 and 印章样式 scans. */
  deliveryNoteFileId: string | null;
  sealFileId: string | null;
  onsiteAuditDate: string | null;
  onsiteAuditResult: string | null;
  /** Reported to the regulator (e.g. a party under regulatory attention). */
  regulatorReportFlag: boolean;
}

export interface Party extends MasterRecord, PartyInput {
  lockedReason?: string | null;
}

export const PARTY_FIELDS: ReadonlyArray<keyof PartyInput> = [
  'name',
  'kinds',
  'creditCode',
  'licenceNo',
  'licenceValidTo',
  'address',
  'contact',
  'phone',
  'region',
  'customerType',
  'deliveryNoteFileId',
  'sealFileId',
  'onsiteAuditDate',
  'onsiteAuditResult',
  'regulatorReportFlag',
];

/** Defaulted by the server's partial update when absent: always sent (see PRODUCT_DEFAULTED_FIELDS). */
export const PARTY_DEFAULTED_FIELDS: ReadonlyArray<keyof PartyInput> = ['regulatorReportFlag'];

export const PARTY_AUDIT_TABLE = 'master_data.party';

export type LicenceType =
  | 'business_licence'
  | 'operating_licence'
  | 'operating_filing'
  | 'production_licence'
  | 'production_filing'
  | 'medical_institution_licence'
  | 'other';
export const LICENCE_TYPES: readonly LicenceType[] = [
  'business_licence',
  'operating_licence',
  'operating_filing',
  'production_licence',
  'production_filing',
  'medical_institution_licence',
  'other',
];

export interface Licence {
  id: string;
  partyId: string;
  type: LicenceType;
  number: string;
  issuer: string;
  /** NMPA category codes (07, 07-03, 07-03-01 …). */
  scope: string[];
  validFrom: string;
  validTo: string | null;
  fileId: string | null;
  active: boolean;
}

export interface LicenceInput {
  type: LicenceType;
  number: string;
  issuer: string;
  scope: string[];
  validFrom: string;
  validTo: string | null;
  fileId: string | null;
}

export interface Authorisation {
  id: string;
  partyId: string;
  grantor: string;
  productIds: string[];
  /** Province codes, or '*' for 全国. */
  territory: string[];
  validFrom: string;
  validTo: string;
  salespersonName: string;
  /** Masked by the server except the last four characters. */
  salespersonIdNumber: string;
  fileId: string | null;
  salespersonIdFileId: string | null;
  active: boolean;
}

export interface AuthorisationInput {
  grantor: string;
  productIds: string[];
  territory: string[];
  validFrom: string;
  validTo: string;
  salespersonName: string;
  salespersonIdNumber: string;
  fileId: string | null;
  salespersonIdFileId: string | null;
}
