import type { LocalizedText } from '../../../platform/errors.ts';
import type { LicenceFact, PartyFacts, ProductFacts, RuleVersion } from './facts.ts';

export interface Finding {
  rule: string;
  version: number;
  requirement: string;
  severity: 'block' | 'warning';
  message: LocalizedText;
  facts: Record<string, unknown>;
}

export interface CheckSituation {
  date: string;
  /** Province of the legal entity: where an authorisation letter must be valid. */
  region: string;
  product: ProductFacts;
  supplier?: PartyFacts;
  customer?: PartyFacts;
}

type RuleOutcome = Omit<Finding, 'rule' | 'version' | 'requirement'> | null;
type RuleFunction = (s: CheckSituation, params: Record<string, unknown>) => RuleOutcome | RuleOutcome[];

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const block = (message: LocalizedText, facts: Record<string, unknown>): RuleOutcome => ({ severity: 'block', message, facts });

export function isValidOn(validFrom: string | null, validTo: string | null, date: string): boolean {
  return (validFrom === null || validFrom <= date) && (validTo === null || validTo >= date);
}

/** A scope code covers a category when it is the category or one of its ancestors (14 covers 14-01-02). */
export function scopeCovers(scope: string[], categoryCode: string): boolean {
  return scope.some((code) => categoryCode === code || categoryCode.startsWith(`${code}-`));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const describeLicence = (l: LicenceFact) => ({ id: l.id, type: l.type, number: l.number, validFrom: l.validFrom, validTo: l.validTo, scope: l.scope });

/**
 * The licence types that allow a party to trade a product of this class: distribution licence
 * (III) or filing (II), or — for a manufacturer selling its own products — a production licence or filing.
 */
export function tradeLicenceTypes(party: PartyFacts, deviceClass: string): string[] {
  const types: string[] = [];
  if (deviceClass === 'III') types.push('operating_licence');
  if (deviceClass === 'II') types.push('operating_licence', 'operating_filing');
  if (party.kinds.includes('manufacturer')) types.push(deviceClass === 'I' ? 'production_filing' : 'production_licence');
  if (party.customerType === 'medical_institution') types.push('medical_institution_licence');
  return types;
}

function licenceValid(party: PartyFacts, role: string, s: CheckSituation): RuleOutcome[] {
  const business = party.licences.filter((l) => l.active && l.type === 'business_licence');
  const outcomes: RuleOutcome[] = [];
  const needsBusiness = party.customerType !== 'medical_institution';
  if (needsBusiness && !business.some((l) => isValidOn(l.validFrom, l.validTo, s.date))) {
    outcomes.push(block(t(`${role}“${party.name}”没有有效的营业执照`, `${role === '供货者' ? 'Supplier' : 'Customer'} “${party.name}” has no valid business licence`), { party: party.id, date: s.date, licences: business.map(describeLicence) }));
  }
  if (s.product.deviceClass === 'I') return outcomes;
  const types = tradeLicenceTypes(party, s.product.deviceClass);
  const trade = party.licences.filter((l) => l.active && types.includes(l.type));
  if (!trade.some((l) => isValidOn(l.validFrom, l.validTo, s.date))) {
    outcomes.push(block(
      t(`${role}“${party.name}”没有有效的${s.product.deviceClass}类医疗器械经营/生产许可或备案（需要：${types.join('、')}）`,
        `“${party.name}” has no valid licence or filing for class ${s.product.deviceClass} devices (needs one of: ${types.join(', ')})`),
      { party: party.id, date: s.date, deviceClass: s.product.deviceClass, required: types, licences: trade.map(describeLicence) },
    ));
  }
  return outcomes;
}

function scopeCoversProduct(party: PartyFacts, role: string, s: CheckSituation): RuleOutcome {
  if (s.product.deviceClass === 'I') return null;
  const types = tradeLicenceTypes(party, s.product.deviceClass);
  const valid = party.licences.filter((l) => l.active && types.includes(l.type) && isValidOn(l.validFrom, l.validTo, s.date));
  if (valid.length === 0 || valid.some((l) => scopeCovers(l.scope, s.product.categoryCode))) return null;
  return block(
    t(`产品“${s.product.name}”（分类编码 ${s.product.categoryCode}）不在${role}“${party.name}”的经营范围内`,
      `Product “${s.product.name}” (category ${s.product.categoryCode}) is outside the licensed scope of “${party.name}”`),
    { party: party.id, categoryCode: s.product.categoryCode, licences: valid.map(describeLicence) },
  );
}

function masterApproved(party: PartyFacts | ProductFacts, what: LocalizedText): RuleOutcome {
  if (party.status === 'approved' && !party.lockedReason) return null;
  return block(
    t(`${what['zh-CN']}“${party.name}”的主数据未批准或已锁定（状态：${party.status}${party.lockedReason ? `，${party.lockedReason}` : ''}）`,
      `${what.en} “${party.name}” master data is not approved or is locked (status ${party.status}${party.lockedReason ? `, ${party.lockedReason}` : ''})`),
    { id: party.id, status: party.status, lockedReason: party.lockedReason },
  );
}

function fileApproved(file: { status: string; number: string } | undefined, kind: LocalizedText, name: string, id: string): RuleOutcome {
  if (file?.status === 'approved') return null;
  return block(
    t(`“${name}”的${kind['zh-CN']}未经批准${file ? `（${file.number}：${file.status}）` : '（尚未建立）'}`,
      `The ${kind.en} of “${name}” is not approved${file ? ` (${file.number}: ${file.status})` : ' (none yet)'}`),
    { subject: id, file: file ?? null },
  );
}

/** Each rule key maps to one pure function; which keys apply, where and when, is data (qualification.rule). */
export const ruleFunctions: Record<string, RuleFunction> = {
  product_master_approved: (s) => masterApproved(s.product, t('产品', 'Product')),
  product_registration_valid: (s) => {
    const p = s.product;
    const permanentFiling = p.registrationKind === 'filing' && p.registrationValidTo === null;
    if (p.registrationNo && (permanentFiling || (p.registrationValidTo !== null && isValidOn(p.registrationValidFrom, p.registrationValidTo, s.date)))) return null;
    return block(
      t(`产品“${p.name}”的注册证/备案凭证 ${p.registrationNo} 无效或已过期（有效期至 ${p.registrationValidTo ?? '未填写'}）`,
        `Product “${p.name}”: registration ${p.registrationNo} is missing or expired (valid to ${p.registrationValidTo ?? 'not given'})`),
      { product: p.id, registrationNo: p.registrationNo, validFrom: p.registrationValidFrom, validTo: p.registrationValidTo, date: s.date },
    );
  },
  product_file_approved: (s) => fileApproved(s.product.file, t('产品首营档案', 'product file'), s.product.name, s.product.id),
  supplier_master_approved: (s) => (s.supplier ? masterApproved(s.supplier, t('供货者', 'Supplier')) : null),
  supplier_file_approved: (s) => (s.supplier ? fileApproved(s.supplier.files.supplier, t('供货者首营档案', 'supplier file'), s.supplier.name, s.supplier.id) : null),
  supplier_licence_valid: (s) => (s.supplier ? licenceValid(s.supplier, '供货者', s) : null),
  supplier_scope_covers_product: (s) => (s.supplier ? scopeCoversProduct(s.supplier, '供货者', s) : null),
  supplier_authorisation_covers: (s) => {
    if (!s.supplier) return null;
    const letters = s.supplier.authorisations.filter((a) => a.active && a.productIds.includes(s.product.id));
    const valid = letters.filter((a) => isValidOn(a.validFrom, a.validTo, s.date));
    const inTerritory = valid.filter((a) => a.territory.includes('*') || a.territory.includes(s.region));
    if (inTerritory.length) return null;
    const why = letters.length === 0 ? t('没有授权书覆盖该产品', 'no authorisation letter covers the product')
      : valid.length === 0 ? t('授权书已过期', 'the authorisation letter has expired')
        : t(`授权地域不含本企业所在地（${s.region}）`, `the authorised territory does not include region ${s.region}`);
    return block(
      t(`供货者“${s.supplier.name}”对产品“${s.product.name}”的授权无效：${why['zh-CN']}`, `Supplier “${s.supplier.name}” is not authorised for “${s.product.name}”: ${why.en}`),
      { supplier: s.supplier.id, product: s.product.id, region: s.region, date: s.date, letters: letters.map((a) => ({ id: a.id, validFrom: a.validFrom, validTo: a.validTo, territory: a.territory })) },
    );
  },
  customer_master_approved: (s) => (s.customer ? masterApproved(s.customer, t('购货者', 'Customer')) : null),
  customer_file_approved: (s, params) => {
    if (!s.customer) return null;
    const classes = (params.classes as string[] | undefined) ?? ['II', 'III'];
    if (!classes.includes(s.product.deviceClass)) return null;
    return fileApproved(s.customer.files.customer, t('购货者首营档案', 'customer file'), s.customer.name, s.customer.id);
  },
  customer_licence_valid: (s) => (s.customer ? licenceValid(s.customer, '购货者', s) : null),
  customer_scope_covers_product: (s) => (s.customer ? scopeCoversProduct(s.customer, '购货者', s) : null),
  expiry_warning: (s, params) => {
    const days = Number(params.days ?? 30);
    const warnings: RuleOutcome[] = [];
    const warn = (what: string, whatEn: string, validTo: string | null, facts: Record<string, unknown>) => {
      if (validTo === null || validTo < s.date) return;
      const left = daysBetween(s.date, validTo);
      if (left <= days) warnings.push({ severity: 'warning', message: t(`${what}将于 ${validTo} 到期（剩余 ${left} 天）`, `${whatEn} expires on ${validTo} (${left} days left)`), facts: { ...facts, validTo, daysLeft: left } });
    };
    warn(`产品“${s.product.name}”的注册证`, `The registration of “${s.product.name}”`, s.product.registrationValidTo, { product: s.product.id });
    for (const party of [s.supplier, s.customer]) {
      for (const licence of party?.licences.filter((l) => l.active) ?? []) {
        warn(`“${party!.name}”的证照 ${licence.number}`, `Licence ${licence.number} of “${party!.name}”`, licence.validTo, { party: party!.id, licence: licence.id });
      }
    }
    for (const letter of s.supplier?.authorisations.filter((a) => a.active && a.productIds.includes(s.product.id)) ?? []) {
      warn(`“${s.supplier!.name}”的授权书`, `The authorisation letter of “${s.supplier!.name}”`, letter.validTo, { authorisation: letter.id });
    }
    return warnings;
  },
};

/** Rule keys for each kind of check: purchase (supplier × product) or sale (customer × product). */
export const checkRules = {
  purchase: ['product_master_approved', 'product_registration_valid', 'product_file_approved', 'supplier_master_approved', 'supplier_file_approved',
    'supplier_licence_valid', 'supplier_scope_covers_product', 'supplier_authorisation_covers', 'expiry_warning'],
  sale: ['product_master_approved', 'product_registration_valid', 'product_file_approved', 'customer_master_approved', 'customer_file_approved',
    'customer_licence_valid', 'customer_scope_covers_product', 'expiry_warning'],
} as const;

/** The version of each rule in force for the region on the date: a regional version beats the national one. */
export function selectRules(rules: RuleVersion[], region: string, date: string): Map<string, RuleVersion> {
  const chosen = new Map<string, RuleVersion>();
  for (const rule of rules) {
    if (rule.region !== '*' && rule.region !== region) continue;
    if (rule.effective_from > date || (rule.effective_to !== null && rule.effective_to < date)) continue;
    const current = chosen.get(rule.rule_key);
    const better = !current || (current.region === '*' && rule.region !== '*') || (current.region === rule.region && current.version < rule.version);
    if (better) chosen.set(rule.rule_key, rule);
  }
  return chosen;
}

export interface CheckResult {
  decision: 'allow' | 'block';
  date: string;
  reasons: Finding[];
  warnings: Finding[];
}

/** One qualification check: every rule in force is evaluated; any block finding blocks. */
export function evaluateQualification(kind: keyof typeof checkRules, situation: CheckSituation, rules: RuleVersion[]): CheckResult {
  const inForce = selectRules(rules, situation.region, situation.date);
  const findings: Finding[] = [];
  for (const key of checkRules[kind]) {
    const rule = inForce.get(key);
    if (!rule || !rule.enabled) continue;
    const outcome = ruleFunctions[key](situation, rule.params);
    for (const item of [outcome].flat()) {
      if (item) findings.push({ ...item, rule: key, version: rule.version, requirement: rule.requirement_ids[0] ?? '' });
    }
  }
  const reasons = findings.filter((f) => f.severity === 'block');
  return { decision: reasons.length ? 'block' : 'allow', date: situation.date, reasons, warnings: findings.filter((f) => f.severity === 'warning') };
}
