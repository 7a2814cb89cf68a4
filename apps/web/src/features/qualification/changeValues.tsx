import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { FileLink } from '../../platform/files/FileView.tsx';
import { formatAuditValue, formatDate } from '../../platform/format/format.ts';
import { partyFieldLabel, partyValueLabel } from '../master-data/party/labels.ts';
import { productFieldLabel, productValueLabel } from '../master-data/product/labels.ts';
import type { ChangeTarget } from './types.ts';

/** Field label of a change-request target's field. */
export function targetFieldLabel(t: TFunction, target: ChangeTarget | string, field: string): string {
  return target === 'master_data.party' ? partyFieldLabel(t, field) : productFieldLabel(t, field);
}

/** A proposed or current value as a person reads it: labels for enumerations, links for scans, dates. */
export function renderChangeValue(t: TFunction, target: ChangeTarget | string, field: string, value: unknown): React.ReactNode {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">{t('common.emptyValue')}</Typography.Text>;
  if (/FileId$/.test(field) && typeof value === 'string') return <FileLink id={value} />;
  const custom = target === 'master_data.party' ? partyValueLabel(t, field, value) : productValueLabel(t, field, value);
  if (custom) return custom;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) return formatDate(value);
  return formatAuditValue(value, { empty: t('common.emptyValue'), yes: t('common.yes'), no: t('common.no') });
}
