import type { LocalizedText } from '../../../platform/errors.ts';
import type { PartyFacts, ProductFacts } from '../check/facts.ts';
import { isValidOn, tradeLicenceTypes } from '../check/qualification.rules.ts';

export interface MissingItem {
  item: string;
  requirement: string;
  message: LocalizedText;
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function validLicence(party: PartyFacts, types: string[], date: string) {
  return party.licences.find((l) => l.active && types.includes(l.type) && isValidOn(l.validFrom, l.validTo, date));
}

/**
 * F-CN-1 (GSP 53): business licence; registrant documents with the manufacturer's production licence,
 * or a distribution licence/filing; an authorisation letter with the salesperson's ID number and a copy
 * of the ID; the delivery-note template with its seal. Each as a scan.
 */
export function checkSupplierFile(party: PartyFacts, date: string): MissingItem[] {
  const missing: MissingItem[] = [];
  const need = (item: string, ok: boolean, zh: string, en: string) => {
    if (!ok) missing.push({ item, requirement: 'CN-QUAL-01', message: t(zh, en) });
  };
  const business = validLicence(party, ['business_licence'], date);
  need('business_licence', Boolean(business), '缺少有效的营业执照', 'a valid business licence is missing');
  need('business_licence.scan', !business || business.hasFile, '营业执照缺少加盖公章的扫描件', 'the business licence has no sealed scan');
  const trade = validLicence(party, ['operating_licence', 'operating_filing', 'production_licence', 'production_filing'], date);
  need('trade_licence', Boolean(trade), '缺少有效的经营许可证/备案凭证或生产许可证/备案凭证', 'a valid distribution or production licence/filing is missing');
  need('trade_licence.scan', !trade || trade.hasFile, '经营/生产许可证缺少扫描件', 'the distribution/production licence has no scan');
  const letter = party.authorisations.find((a) => a.active && isValidOn(a.validFrom, a.validTo, date));
  need('authorisation', Boolean(letter), '缺少有效的授权书（品种、地域、期限、销售人员身份证号）', 'a valid authorisation letter is missing (products, territory, period, salesperson ID)');
  need('authorisation.scan', !letter || letter.hasFile, '授权书缺少扫描件', 'the authorisation letter has no scan');
  need('delivery_note_template', party.hasDeliveryNote, '缺少随货同行单样式', 'the delivery-note template is missing');
  need('seal', party.hasSeal, '缺少企业样章或出库样章', 'the company or outbound seal sample is missing');
  return missing;
}

/** F-CN-2 (GSP 54): registration certificate or filing (with scan), label sample, UDI-DI if any. */
export function checkProductFile(product: ProductFacts, date: string): MissingItem[] {
  const missing: MissingItem[] = [];
  const need = (item: string, ok: boolean, zh: string, en: string) => {
    if (!ok) missing.push({ item, requirement: 'CN-QUAL-02', message: t(zh, en) });
  };
  const permanentFiling = product.registrationKind === 'filing' && product.registrationValidTo === null;
  need('registration', Boolean(product.registrationNo) && (permanentFiling || (product.registrationValidTo !== null && isValidOn(product.registrationValidFrom, product.registrationValidTo, date))),
    '注册证/备案凭证缺失或已过期', 'the registration certificate or filing is missing or expired');
  need('registration.scan', product.hasRegistrationFile, '缺少注册证/备案凭证扫描件', 'the registration certificate or filing has no scan');
  need('label', product.hasLabel, '缺少标签样稿或图片', 'the label sample or image is missing');
  need('udi_di', product.issuingAgency === null || Boolean(product.udiDi), '已声明发码机构但缺少 UDI-DI', 'an issuing agency is given but the UDI-DI is missing');
  return missing;
}

/** 购货者档案 (GSP 82): a valid licence or filing for the product classes sold, with its scope. */
export function checkCustomerFile(party: PartyFacts, date: string): MissingItem[] {
  const missing: MissingItem[] = [];
  const need = (item: string, ok: boolean, zh: string, en: string) => {
    if (!ok) missing.push({ item, requirement: 'CN-QUAL-05', message: t(zh, en) });
  };
  need('customer_type', party.customerType !== null, '未填写购货者类型（医疗机构、经营企业、生产企业、其他使用单位）', 'the customer type is not given');
  const types = [...new Set([...tradeLicenceTypes(party, 'II'), ...tradeLicenceTypes(party, 'III')])];
  const licence = validLicence(party, types, date);
  need('licence', Boolean(licence), '缺少有效的医疗机构执业许可证或经营/生产许可（备案）', 'a valid institution, distribution or production licence/filing is missing');
  need('licence.scope', !licence || licence.scope.length > 0, '许可证未登记经营/执业范围', 'the licence has no scope recorded');
  need('licence.scan', !licence || licence.hasFile, '许可证缺少扫描件', 'the licence has no scan');
  return missing;
}
