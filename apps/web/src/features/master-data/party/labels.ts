import type { TFunction } from 'i18next';
import type { Messages } from '../../../platform/i18n/zh-CN.ts';
import { isProvinceCode } from '../shared/regions.ts';
import { CUSTOMER_TYPES, PARTY_KINDS, type CustomerType, type PartyKind } from './types.ts';

type FieldKey = keyof Messages['party']['fields'];

export function partyFieldLabel(t: TFunction, field: string): string {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const fields = t('party.fields', { returnObjects: true }) as Record<string, string>;
  if (camel in fields) return t(`party.fields.${camel as FieldKey}`);
  const common: Record<string, string> = {
    status: t('common.status'),
    version: t('common.version'),
    number: t('common.number'),
    createdBy: t('common.createdBy'),
    createdAt: t('common.createdAt'),
    updatedAt: t('common.updatedAt'),
    id: t('common.id'),
    submittedAt: t('common.submittedAt'),
    submittedBy: t('common.submittedBy'),
    lockedReason: t('qualification.lockedReason'),
  };
  return common[camel] ?? field;
}

/** Enumerated party values in the audit trail (column names as stored). */
export function partyValueLabel(t: TFunction, field: string, value: unknown): string | null {
  if (field === 'kinds' && Array.isArray(value)) {
    return value.map((k) => (PARTY_KINDS as readonly unknown[]).includes(k) ? t(`party.kinds.${k as PartyKind}`) : String(k)).join('、');
  }
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (camel === 'customerType' && typeof value === 'string' && (CUSTOMER_TYPES as readonly string[]).includes(value)) {
    return t(`party.customerType.${value as CustomerType}`);
  }
  if (camel === 'region' && typeof value === 'string' && isProvinceCode(value)) return `${value} ${t(`regions.${value}`)}`;
  return null;
}
