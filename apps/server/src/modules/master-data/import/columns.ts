import { licenceTypes } from '../licence/licence.commands.ts';

/** What a spreadsheet cell holds, and so how it is read into the API field (pure data, no IO). */
export type CellKind = 'text' | 'gtin' | 'date' | 'integer' | 'decimal' | 'boolean' | 'enum' | 'enumList' | 'codeList';

export interface EnumOption {
  value: string;
  zh: string;
}

export interface ColumnSpec {
  /** API field name of the create command's input. */
  field: string;
  /** Chinese column name shown before the field name: `产品名称 name`. */
  zh: string;
  kind: CellKind;
  required?: boolean;
  options?: readonly EnumOption[];
  /** Value of the template's example row. */
  example: string | number | boolean | null;
  width?: number;
}

export type ImportKind = 'products' | 'parties' | 'licences';
export const importKinds = ['products', 'parties', 'licences'] as const;

const yesNo = (example: boolean): Pick<ColumnSpec, 'kind' | 'example' | 'width'> => ({ kind: 'boolean', example, width: 10 });

export const deviceClassOptions: EnumOption[] = [
  { value: 'I', zh: '第一类' }, { value: 'II', zh: '第二类' }, { value: 'III', zh: '第三类' },
];
export const trackingOptions: EnumOption[] = [
  { value: 'lot', zh: '批号' }, { value: 'serial', zh: '序列号' }, { value: 'lot_serial', zh: '批号+序列号' },
];
const registrationKindOptions: EnumOption[] = [{ value: 'registration', zh: '注册' }, { value: 'filing', zh: '备案' }];
const issuingAgencyOptions: EnumOption[] = ['GS1', 'MA', 'AHM', 'HIBCC', 'ICCBBA', 'IFA'].map((value) => ({ value, zh: value }));
export const partyKindOptions: EnumOption[] = [
  { value: 'supplier', zh: '供货单位' }, { value: 'customer', zh: '购货单位' }, { value: 'manufacturer', zh: '生产企业' },
  { value: 'carrier', zh: '承运单位' }, { value: 'third_party_logistics', zh: '第三方物流' },
];
const customerTypeOptions: EnumOption[] = [
  { value: 'medical_institution', zh: '医疗机构' }, { value: 'distributor', zh: '经营企业' },
  { value: 'producer', zh: '生产企业' }, { value: 'other_user', zh: '其他使用单位' },
];
const licenceTypeLabels: Record<(typeof licenceTypes)[number], string> = {
  business_licence: '营业执照', operating_licence: '医疗器械经营许可证', operating_filing: '第二类医疗器械经营备案凭证',
  production_licence: '医疗器械生产许可证', production_filing: '第一类医疗器械生产备案凭证',
  medical_institution_licence: '医疗机构执业许可证', other: '其他',
};
export const licenceTypeOptions: EnumOption[] = licenceTypes.map((value) => ({ value, zh: licenceTypeLabels[value] }));

/** Product columns: every field of `master_data.product.create` except the file ids (a file cannot travel in a cell). */
export const productColumns: ColumnSpec[] = [
  { field: 'name', zh: '产品名称', kind: 'text', required: true, example: '一次性使用无菌注射器', width: 28 },
  { field: 'model', zh: '规格型号', kind: 'text', required: true, example: '5ml 带针', width: 16 },
  { field: 'registrant', zh: '注册人/备案人', kind: 'text', required: true, example: '山东威高集团医用高分子制品股份有限公司', width: 30 },
  { field: 'registrationNo', zh: '注册证编号/备案编号', kind: 'text', required: true, example: '国械注准20153150315', width: 22 },
  { field: 'deviceClass', zh: '管理类别', kind: 'enum', required: true, options: deviceClassOptions, example: 'III', width: 10 },
  { field: 'categoryCode', zh: '分类编码', kind: 'text', required: true, example: '14-01-01', width: 12 },
  { field: 'tracking', zh: '追溯方式', kind: 'enum', required: true, options: trackingOptions, example: 'lot', width: 12 },
  { field: 'registrationKind', zh: '注册或备案', kind: 'enum', options: registrationKindOptions, example: 'registration', width: 12 },
  { field: 'registrationValidFrom', zh: '注册证生效日期', kind: 'date', example: '2020-03-02', width: 14 },
  { field: 'registrationValidTo', zh: '注册证有效期至', kind: 'date', example: '2030-03-01', width: 14 },
  { field: 'registrationScope', zh: '结构组成及适用范围', kind: 'text', example: null, width: 30 },
  { field: 'manufacturer', zh: '生产企业', kind: 'text', example: '山东威高集团医用高分子制品股份有限公司', width: 30 },
  { field: 'manufacturerLicenceNo', zh: '生产许可证编号', kind: 'text', example: '鲁食药监械生产许20000001号', width: 22 },
  { field: 'udiDi', zh: 'UDI-DI（GTIN-14）', kind: 'gtin', example: '06901234567809', width: 18 },
  { field: 'issuingAgency', zh: '发码机构', kind: 'enum', options: issuingAgencyOptions, example: 'GS1', width: 10 },
  { field: 'storageTempMin', zh: '最低储存温度（℃）', kind: 'decimal', example: 5, width: 12 },
  { field: 'storageTempMax', zh: '最高储存温度（℃）', kind: 'decimal', example: 30, width: 12 },
  { field: 'humidityMin', zh: '最低相对湿度（%）', kind: 'decimal', example: null, width: 12 },
  { field: 'humidityMax', zh: '最高相对湿度（%）', kind: 'decimal', example: 80, width: 12 },
  { field: 'lightProtection', zh: '避光', ...yesNo(false) },
  { field: 'stackingLimit', zh: '堆码层数限制', kind: 'integer', example: null, width: 10 },
  { field: 'transportConditions', zh: '运输条件', kind: 'text', example: '常温运输', width: 16 },
  { field: 'shelfLifeDays', zh: '有效期（天）', kind: 'integer', example: 1095, width: 10 },
  { field: 'implantable', zh: '植入类器械', ...yesNo(false) },
];

/** Party columns: every field of `master_data.party.create` except the file ids. */
export const partyColumns: ColumnSpec[] = [
  { field: 'name', zh: '单位名称', kind: 'text', required: true, example: '上海示例医疗器械有限公司', width: 30 },
  { field: 'kinds', zh: '单位类型', kind: 'enumList', required: true, options: partyKindOptions, example: '供货单位、生产企业', width: 20 },
  { field: 'creditCode', zh: '统一社会信用代码', kind: 'text', required: true, example: '91310000MA1FL0XX1A', width: 22 },
  { field: 'address', zh: '地址', kind: 'text', required: true, example: '上海市浦东新区示例路1号', width: 30 },
  { field: 'licenceNo', zh: '许可证/备案凭证编号', kind: 'text', example: '沪药监械经营许20200001号', width: 24 },
  { field: 'licenceValidTo', zh: '许可证有效期至', kind: 'date', example: '2029-12-31', width: 14 },
  { field: 'contact', zh: '联系人', kind: 'text', example: '王经理', width: 12 },
  { field: 'phone', zh: '联系电话', kind: 'text', example: '021-50001234', width: 16 },
  { field: 'region', zh: '省级行政区划代码', kind: 'text', example: '31', width: 10 },
  { field: 'customerType', zh: '客户类型', kind: 'enum', options: customerTypeOptions, example: null, width: 14 },
  { field: 'onsiteAuditDate', zh: '现场审核日期', kind: 'date', example: null, width: 14 },
  { field: 'onsiteAuditResult', zh: '现场审核结论', kind: 'text', example: null, width: 20 },
  { field: 'regulatorReportFlag', zh: '需向监管部门报告', ...yesNo(false) },
];

/** Licence columns: the party is named by its 统一社会信用代码 and looked up. */
export const licenceColumns: ColumnSpec[] = [
  { field: 'creditCode', zh: '统一社会信用代码', kind: 'text', required: true, example: '91310115MA1H7ABC2X', width: 22 },
  { field: 'type', zh: '证照类型', kind: 'enum', required: true, options: licenceTypeOptions, example: 'operating_licence', width: 26 },
  { field: 'number', zh: '证照编号', kind: 'text', required: true, example: '沪药监械经营许20240001号', width: 24 },
  { field: 'issuer', zh: '发证机关', kind: 'text', required: true, example: '上海市药品监督管理局', width: 22 },
  { field: 'scope', zh: '许可范围（分类编码）', kind: 'codeList', example: '07、14-01', width: 22 },
  { field: 'validFrom', zh: '有效期起', kind: 'date', required: true, example: '2024-01-01', width: 14 },
  { field: 'validTo', zh: '有效期至', kind: 'date', example: '2028-12-31', width: 14 },
];

export const columnsByKind: Record<ImportKind, ColumnSpec[]> = { products: productColumns, parties: partyColumns, licences: licenceColumns };

export const kindLabels: Record<ImportKind, { 'zh-CN': string; en: string }> = {
  products: { 'zh-CN': '产品', en: 'Products' },
  parties: { 'zh-CN': '往来单位', en: 'Parties' },
  licences: { 'zh-CN': '证照', en: 'Licences' },
};

/** `*产品名称 name`: the star marks a required column. */
export const headerText = (column: ColumnSpec) => `${column.required ? '*' : ''}${column.zh} ${column.field}`;

/** Excel column letters: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1, letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
