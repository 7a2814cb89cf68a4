import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusTagSpec } from './status.ts';

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  const spec = statusTagSpec(status);
  return (
    <Tag color={spec.color} data-testid={testId} data-status={status}>
      {spec.labelKey === 'status.unknown' ? status : t(spec.labelKey)}
    </Tag>
  );
}
