import type { TFunction } from 'i18next';
import type { Messages } from '../../../platform/i18n/zh-CN.ts';

type FieldKey = keyof Messages['product']['fields'];

/** Audit column names (snake_case in the database, camelCase in the API) → localized labels. */
export function productFieldLabel(t: TFunction, field: string): string {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const fields = t('product.fields', { returnObjects: true }) as Record<string, string>;
  if (camel in fields) return t(`product.fields.${camel as FieldKey}`);
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

/** Enumerated product values in the audit trail (column names as stored). */
export function productValueLabel(t: TFunction, field: string, value: unknown): string | null {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (camel === 'deviceClass' && (value === 'I' || value === 'II' || value === 'III')) return t(`product.deviceClass.${value}`);
  if (camel === 'tracking' && (value === 'lot' || value === 'serial' || value === 'lot_serial')) return t(`product.tracking.${value}`);
  if (camel === 'registrationKind' && (value === 'registration' || value === 'filing')) return t(`product.registrationKind.${value}`);
  return null;
}
