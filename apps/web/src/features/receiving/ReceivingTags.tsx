import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceiptFlag } from './types.ts';

const STATUS_COLOR: Record<string, string> = { draft: 'default', received: 'blue', accepted: 'green', cancelled: 'red' };
const KNOWN = ['draft', 'received', 'cancelled', 'accepted'] as const;

export function RecStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  const known = (KNOWN as readonly string[]).includes(status);
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid={testId} data-status={status}>
      {known ? t(`receiving.status.${status as (typeof KNOWN)[number]}`) : status}
    </Tag>
  );
}

/** The server's receipt flags: severity, code, message in the user's language, requirement. */
export function FlagList({ flags, testId = 'receipt-flags' }: { flags: ReceiptFlag[] | null | undefined; testId?: string }) {
  const { t, i18n } = useTranslation();
  const list = flags ?? [];
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  if (list.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid={`${testId}-none`}>
        {t('receiving.flags.none')}
      </Typography.Text>
    );
  }
  const blocking = list.some((f) => f.severity === 'block');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      {blocking && <Alert type="error" showIcon title={t('receiving.flags.blockingHint')} />}
      {list.map((f, i) => (
        <Alert
          key={`${f.code}-${i}`}
          type={f.severity === 'block' ? 'error' : 'warning'}
          showIcon
          data-testid="receipt-flag"
          data-code={f.code}
          data-severity={f.severity}
          title={
            <Space wrap>
              <Tag color={f.severity === 'block' ? 'red' : 'orange'}>{t(f.severity === 'block' ? 'receiving.flags.block' : 'receiving.flags.warn')}</Tag>
              <Typography.Text code>{f.code}</Typography.Text>
              {f.line ? <Typography.Text type="secondary">#{f.line}</Typography.Text> : null}
              <span>{f.message[lang]}</span>
              {f.requirement ? <Tag>{f.requirement}</Tag> : null}
            </Space>
          }
        />
      ))}
    </Space>
  );
}
