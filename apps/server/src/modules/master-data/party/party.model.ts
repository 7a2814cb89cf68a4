import { z } from 'zod';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition } from '../../../platform/document/document.ts';
import type { RecordShape } from '../../../platform/document/record-commands.ts';
import { masterRecordLifecycle } from '../master-record.lifecycle.ts';

const partyFields = {
  name: z.string().trim().min(1).max(200),
  kinds: z.array(z.enum(['supplier', 'customer', 'manufacturer', 'carrier'])).min(1).max(4),
  // 统一社会信用代码 (GB 32100): 18 characters from the code's alphabet.
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'unified social credit code: 18 characters'),
  licenceNo: z.string().trim().min(1).max(100).nullable(),
  licenceValidTo: z.iso.date().nullable(),
  address: z.string().trim().min(1).max(300),
  contact: z.string().trim().max(100).nullable(),
  phone: z.string().regex(/^[0-9+\-() ]{5,30}$/).nullable(),
};

export const createPartyInput = z.strictObject({
  ...partyFields,
  licenceNo: partyFields.licenceNo.default(null),
  licenceValidTo: partyFields.licenceValidTo.default(null),
  contact: partyFields.contact.default(null),
  phone: partyFields.phone.default(null),
});
export const updatePartyInput = z.strictObject({ id: z.string().min(1).max(64), ...z.object(partyFields).partial().shape });

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
    name: 'name', kinds: 'kinds', creditCode: 'credit_code', licenceNo: 'licence_no', licenceValidTo: 'licence_valid_to',
    address: 'address', contact: 'contact', phone: 'phone',
  },
  searchColumns: ['name', 'number', 'credit_code', 'licence_no'],
  createInput: createPartyInput,
  updateInput: updatePartyInput,
  eventFields: ['name', 'kinds'],
};
