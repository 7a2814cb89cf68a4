import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../../platform/api/problem.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useLocalized } from '../qualification/QualificationTags.tsx';
import { qualificationBlock } from './model.ts';

/**
 * A problem answer; a 422 QUALIFICATION_BLOCKED lists every reason (rule, requirement and the message
 * in the UI language) and the order line it names.
 */
export function QualificationBlockAlert({ error, testId, style }: { error: unknown; testId: string; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  if (!error) return null;
  const block = qualificationBlock(toProblem(error));
  if (!block) return <ProblemAlert error={error} testId={testId} style={style} />;
  return (
    <div style={style}>
      <ProblemAlert error={error} testId={testId} extraErrors={[]} />
      {block.lineNo != null && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid={`${testId}-line`}>
          {t('purchasing.blockedLine', { lineNo: block.lineNo })}
        </Typography.Paragraph>
      )}
      <ul data-testid={`${testId}-reasons`} style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
        {block.reasons.map((r, i) => (
          <li key={`${r.rule}-${i}`} data-testid="block-reason" data-rule={r.rule} data-requirement={r.requirement}>
            <Tag color="blue">{r.requirement}</Tag>
            <Tag>{r.rule}</Tag>
            <Typography.Text>{loc(r.message)}</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
