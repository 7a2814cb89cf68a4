import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeStatusSpec } from './model.ts';

/** Change request status: 草稿 / 待审批 / 已批准并生效 / 已驳回. */
export function ChangeStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  const spec = changeStatusSpec(status);
  return (
    <Tag color={spec.color} data-testid={testId} data-status={status}>
      {spec.labelKey ? t(spec.labelKey) : status}
    </Tag>
  );
}
