import { z } from 'zod';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentDefinition } from '../../../platform/document/document.ts';
import type { RecordShape } from '../../../platform/document/record-commands.ts';
import { masterRecordLifecycle } from '../master-record.lifecycle.ts';
import { checkProductFields } from './product.rules.ts';

const isoDate = z.iso.date();
const temperature = z.union([z.number(), z.string().regex(/^-?\d{1,3}(\.\d)?$/)]).transform(String);

const productFields = {
  name: z.string().trim().min(1).max(200),
  model: z.string().trim().min(1).max(200),
  registrant: z.string().trim().min(1).max(200),
  registrationNo: z.string().trim().min(1).max(100),
  registrationValidTo: isoDate.nullable(),
  deviceClass: z.enum(['I', 'II', 'III']),
  categoryCode: z.string().trim().regex(/^\d{2}(-\d{2}){0,2}$/, 'NMPA category code such as 07-03 or 07-03-01'),
  udiDi: z.string().regex(/^\d{14}$/, '14 digits (GTIN-14)').nullable(),
  tracking: z.enum(['lot', 'serial', 'lot_serial']),
  storageTempMin: temperature.nullable(),
  storageTempMax: temperature.nullable(),
  shelfLifeDays: z.number().int().min(1).max(36500).nullable(),
  implantable: z.boolean(),
};

function withRules<T extends z.ZodType<Record<string, unknown>>>(schema: T) {
  return schema.superRefine((value, issue) => {
    for (const problem of checkProductFields(value)) issue.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });
}

export const createProductInput = withRules(
  z.strictObject({
    ...productFields,
    registrationValidTo: productFields.registrationValidTo.default(null),
    udiDi: productFields.udiDi.default(null),
    storageTempMin: productFields.storageTempMin.default(null),
    storageTempMax: productFields.storageTempMax.default(null),
    shelfLifeDays: productFields.shelfLifeDays.default(null),
    implantable: productFields.implantable.default(false),
  }),
);
export const updateProductInput = withRules(z.strictObject({ id: z.string().min(1).max(64), ...z.object(productFields).partial().shape }));
export type CreateProductInput = z.infer<typeof createProductInput>;

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
  name: 'name', model: 'model', registrant: 'registrant', registrationNo: 'registration_no',
  registrationValidTo: 'registration_valid_to', deviceClass: 'device_class', categoryCode: 'category_code', udiDi: 'udi_di',
  tracking: 'tracking', storageTempMin: 'storage_temp_min', storageTempMax: 'storage_temp_max', shelfLifeDays: 'shelf_life_days',
  implantable: 'implantable',
};

export const productShape: RecordShape = {
  doc: productDocument,
  idPrefix: 'prd',
  series: 'PRD',
  columns: productColumns,
  searchColumns: ['name', 'number', 'model', 'udi_di', 'registration_no'],
  createInput: createProductInput,
  updateInput: updateProductInput,
  eventFields: ['name', 'udiDi'],
};
