import { Link } from 'react-router';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, LockOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format/format.ts';
import { currentLang } from '../../platform/i18n/index.ts';
import { EXPIRY_COLORS, expiryLevel, fileStatusSpec, type SubjectQualification } from './model.ts';
import type { ExpiryItem, FileKind, LocalizedText, QualificationFile } from './types.ts';

/** Picks the message in the UI language from a server `{ 'zh-CN', en }` text. */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (text: LocalizedText | string | null | undefined): string => {
    if (!text) return '';
    if (typeof text === 'string') return text;
    return (i18n.language === 'en' || currentLang() === 'en' ? text.en : text['zh-CN']) ?? text['zh-CN'];
  };
}

/** 首营 status: 未建档 / 草稿 / 待审核 / 待批准 / 已批准 / 已驳回 / 已锁定. */
export function FileStatusTag({ status, testId, prefix }: { status: string | null | undefined; testId?: string; prefix?: string }) {
  const { t } = useTranslation();
  const spec = fileStatusSpec(status);
  return (
    <Tag color={spec.color} data-testid={testId} data-status={status ?? 'none'} icon={status === 'locked' ? <LockOutlined /> : undefined}>
      {prefix ? `${prefix} · ` : ''}
      {t(spec.labelKey)}
    </Tag>
  );
}

/** 已过期 (red) / 剩 N 天 (orange ≤ 30, gold ≤ 90); nothing for documents valid longer. */
export function ExpiryBadge({ expiry, testId = 'expiry-badge', showDate = false }: { expiry: { daysLeft: number; expired: boolean; validTo?: string } | null | undefined; testId?: string; showDate?: boolean }) {
  const { t } = useTranslation();
  const level = expiryLevel(expiry);
  if (!expiry || !level) return null;
  const text = level === 'expired' ? t('qualification.expiry.expiredDays', { days: Math.abs(expiry.daysLeft) }) : t('qualification.expiry.daysLeft', { days: expiry.daysLeft });
  return (
    <Tag
      color={EXPIRY_COLORS[level]}
      icon={level === 'expired' ? <WarningOutlined /> : <ClockCircleOutlined />}
      data-testid={testId}
      data-level={level}
      data-days={expiry.daysLeft}
    >
      {text}
      {showDate && expiry.validTo ? ` · ${formatDate(expiry.validTo)}` : ''}
    </Tag>
  );
}

export function useDocumentTypeLabel() {
  const { t } = useTranslation();
  return (type: ExpiryItem['documentType']) => t(`qualification.documentType.${type}`);
}

/** Expiry cell of a product/party row: the most urgent document, the rest in the tooltip. */
export function ExpiryCell({ q }: { q: SubjectQualification<QualificationFile, ExpiryItem> }) {
  const docType = useDocumentTypeLabel();
  if (!q.worst) return <Typography.Text type="secondary">—</Typography.Text>;
  const tip = (
    <div>
      {q.expiry.map((e) => (
        <div key={`${e.documentType}-${e.documentId}`}>
          {docType(e.documentType)} {e.number} · {formatDate(e.validTo)}
        </div>
      ))}
    </div>
  );
  return (
    <Tooltip title={tip}>
      <span>
        <ExpiryBadge expiry={q.worst} testId="row-expiry" />
      </span>
    </Tooltip>
  );
}

/** 首营 cell of a product/party row: one tag per applicable file kind, linking to the file. */
export function FileStatusCell({ q, kinds, lockedReason }: { q: SubjectQualification<QualificationFile, ExpiryItem>; kinds: readonly FileKind[]; lockedReason?: string | null }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap align="center">
      {kinds.map((kind) => {
        const file = q.files[kind];
        const prefix = kinds.length > 1 ? t(`qualification.kindShort.${kind}`) : undefined;
        const tag = <FileStatusTag status={file?.status} testId="row-file-status" prefix={prefix} />;
        return file ? (
          <Link key={kind} to={`/qualification/files/${file.id}`}>
            {tag}
          </Link>
        ) : (
          <span key={kind}>{tag}</span>
        );
      })}
      {lockedReason ? (
        <Tooltip title={lockedReason}>
          <Tag color="red" icon={<LockOutlined />} data-testid="row-locked-reason">
            {t('qualification.locked')}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
