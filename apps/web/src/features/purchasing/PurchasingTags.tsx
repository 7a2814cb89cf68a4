import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOrderStatus, orderStatusColor } from './model.ts';

/** 采购订单 status: 草稿 / 待审批 / 已批准 / 已驳回 / 已关闭 / 已作废. */
export function OrderStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={orderStatusColor(status)} data-testid={testId} data-status={status}>
      {isOrderStatus(status) ? t(`purchasing.status.${status}`) : status}
    </Tag>
  );
}

/** Exact decimal money as the server gives it, with the currency sign; never parsed into a float. */
export function Money({ value, testId }: { value: string | null | undefined; testId?: string }) {
  return (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value == null || value === '' ? '—' : `¥${value}`}
    </span>
  );
}
