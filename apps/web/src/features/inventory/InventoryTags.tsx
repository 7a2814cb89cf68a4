import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../../platform/api/problem.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { isQualityStatus, movementRefusal, qualityStatusColor } from './model.ts';

/** Quality status colour tag: 待验 yellow, 合格 green, 不合格 red, 暂控 orange, 召回 purple, 过期 grey, 退货 yellow. */
export function QualityStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={qualityStatusColor(status)} data-testid={testId} data-status={status}>
      {isQualityStatus(status) ? t(`inventory.status.${status}`) : status}
    </Tag>
  );
}

/** A stock command's problem; a 422 MOVEMENT_REFUSED explains the bin rule it broke (CN-INV-01 / CN-INV-06). */
export function MovementProblemAlert({ error, testId, style }: { error: unknown; testId: string; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!error) return null;
  const refusal = movementRefusal(toProblem(error));
  return (
    <div style={style}>
      <ProblemAlert error={error} testId={testId} />
      {refusal && refusal !== 'other' ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid={`${testId}-explain`} data-requirement={refusal}>
          {t(refusal === 'CN-INV-01' ? 'inventory.refusal.statusBin' : 'inventory.refusal.conditions')}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
