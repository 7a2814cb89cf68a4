import { z } from 'zod';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition } from '../../../platform/document/document.ts';
import type { RecordShape } from '../../../platform/document/record-commands.ts';
import { masterRecordLifecycle } from '../master-record.lifecycle.ts';
import { decimalText, fileId, isoDate, optionalText, recordInputs } from '../record-fields.ts';
import { checkProductFields } from './product.rules.ts';

const temperature = decimalText(/^-?\d{1,3}(\.\d)?$/);
const humidity = decimalText(/^\d{1,3}(\.\d)?$/);

/** F-CN-2 and the product master of DESIGN §3: registration, manufacturer, storage, label, UDI. */
const required = {
  name: z.string().trim().min(1).max(200),
  model: z.string().trim().min(1).max(200),
  registrant: z.string().trim().min(1).max(200),
  registrationNo: z.string().trim().min(1).max(100),
  deviceClass: z.enum(['I', 'II', 'III']),
  categoryCode: z.string().trim().regex(/^\d{2}(-\d{2}){0,2}$/, 'NMPA category code such as 07-03 or 07-03-01'),
  tracking: z.enum(['lot', 'serial', 'lot_serial']),
};
const optional = {
  registrationKind: z.enum(['registration', 'filing']).default('registration'),
  registrationValidFrom: isoDate.nullable(),
  registrationValidTo: isoDate.nullable(),
  registrationScope: optionalText(1000),
  registrationFileId: fileId.nullable(),
  manufacturer: optionalText(200),
  manufacturerLicenceNo: optionalText(100),
  udiDi: z.string().regex(/^\d{14}$/, '14 digits (GTIN-14)').nullable(),
  issuingAgency: z.enum(['GS1', 'MA', 'AHM', 'HIBCC', 'ICCBBA', 'IFA']).nullable(),
  storageTempMin: temperature.nullable(),
  storageTempMax: temperature.nullable(),
  humidityMin: humidity.nullable(),
  humidityMax: humidity.nullable(),
  lightProtection: z.boolean().default(false),
  stackingLimit: z.number().int().min(1).max(100).nullable(),
  transportConditions: optionalText(500),
  shelfLifeDays: z.number().int().min(1).max(36500).nullable(),
  implantable: z.boolean().default(false),
  labelFileId: fileId.nullable(),
};

function withRules<T extends z.ZodType<Record<string, unknown>>>(schema: T) {
  return schema.superRefine((value, issue) => {
    for (const problem of checkProductFields(value)) issue.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });
}

const inputs = recordInputs(required, optional);
export const createProductInput = withRules(inputs.create);
export const updateProductInput = withRules(inputs.update);

export const productDocument: DocumentDefinition = {
  name: 'master_data.product',
  table: 'master_data.product',
  label: { 'zh-CN': '产品', en: 'Product' },
  lifecycle: masterRecordLifecycle,
  signedContent: contentColumns,
  ruleFacts: (row) => ({ deviceClass: row.device_class, implantable: row.implantable }),
};

/** API field name → column. */
export const productColumns: Record<string, string> = {
  name: 'name', model: 'model', registrant: 'registrant', registrationNo: 'registration_no', deviceClass: 'device_class',
  categoryCode: 'category_code', tracking: 'tracking', registrationKind: 'registration_kind',
  registrationValidFrom: 'registration_valid_from', registrationValidTo: 'registration_valid_to', registrationScope: 'registration_scope',
  registrationFileId: 'registration_file_id', manufacturer: 'manufacturer', manufacturerLicenceNo: 'manufacturer_licence_no',
  udiDi: 'udi_di', issuingAgency: 'issuing_agency', storageTempMin: 'storage_temp_min', storageTempMax: 'storage_temp_max',
  humidityMin: 'humidity_min', humidityMax: 'humidity_max', lightProtection: 'light_protection', stackingLimit: 'stacking_limit',
  transportConditions: 'transport_conditions', shelfLifeDays: 'shelf_life_days', implantable: 'implantable', labelFileId: 'label_file_id',
};

export const productShape: RecordShape = {
  doc: productDocument,
  idPrefix: 'prd',
  series: 'PRD',
  columns: productColumns,
  readOnlyColumns: { lockedReason: 'locked_reason' },
  searchColumns: ['name', 'number', 'model', 'udi_di', 'registration_no'],
  createInput: createProductInput,
  updateInput: updateProductInput,
  eventFields: ['name', 'udiDi'],
};
