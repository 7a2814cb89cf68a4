import { z } from 'zod';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition } from '../../../platform/document/document.ts';
import type { RecordShape } from '../../../platform/document/record-commands.ts';
import { masterRecordLifecycle } from '../master-record.lifecycle.ts';
import { fileId, isoDate, optionalText, recordInputs } from '../record-fields.ts';

/** GB/T 2260 province-level code (first two digits), e.g. 31 上海, 33 浙江. */
export const regionCode = z.string().regex(/^\d{2}$/, 'province code of GB/T 2260, e.g. 31');

const required = {
  name: z.string().trim().min(1).max(200),
  kinds: z.array(z.enum(['supplier', 'customer', 'manufacturer', 'carrier', 'third_party_logistics'])).min(1).max(5),
  // 统一社会信用代码 (GB 32100): 18 characters from the code's alphabet.
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'unified social credit code: 18 characters'),
  address: z.string().trim().min(1).max(300),
};
const optional = {
  licenceNo: optionalText(100),
  licenceValidTo: isoDate.nullable(),
  contact: z.string().trim().max(100).nullable(),
  phone: z.string().regex(/^[0-9+\-() ]{5,30}$/).nullable(),
  region: regionCode.nullable(),
  customerType: z.enum(['medical_institution', 'distributor', 'producer', 'other_user']).nullable(),
  deliveryNoteFileId: fileId.nullable(),
  sealFileId: fileId.nullable(),
  onsiteAuditDate: isoDate.nullable(),
  onsiteAuditResult: optionalText(1000),
  regulatorReportFlag: z.boolean().default(false),
};

const inputs = recordInputs(required, optional);
export const createPartyInput = inputs.create;
export const updatePartyInput = inputs.update;

export const partyDocument: DocumentDefinition = {
  name: 'master_data.party',
  table: 'master_data.party',
  label: { 'zh-CN': '往来单位', en: 'Party' },
  lifecycle: masterRecordLifecycle,
  signedContent: contentColumns,
  ruleFacts: (row) => ({ kinds: row.kinds }),
};

export const partyShape: RecordShape = {
  doc: partyDocument,
  idPrefix: 'pty',
  series: 'PTY',
  columns: {
    name: 'name', kinds: 'kinds', creditCode: 'credit_code', address: 'address', licenceNo: 'licence_no', licenceValidTo: 'licence_valid_to',
    contact: 'contact', phone: 'phone', region: 'region', customerType: 'customer_type', deliveryNoteFileId: 'delivery_note_file_id',
    sealFileId: 'seal_file_id', onsiteAuditDate: 'onsite_audit_date', onsiteAuditResult: 'onsite_audit_result',
    regulatorReportFlag: 'regulator_report_flag',
  },
  readOnlyColumns: { lockedReason: 'locked_reason' },
  searchColumns: ['name', 'number', 'credit_code', 'licence_no'],
  createInput: createPartyInput,
  updateInput: updatePartyInput,
  eventFields: ['name', 'kinds'],
};
