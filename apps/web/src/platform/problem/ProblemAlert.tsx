import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { summarizeProblem, toProblem, type Problem } from '../api/problem.ts';

/** Code / requirement / rule tags that accompany every problem message. */
export function ProblemMeta({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const s = summarizeProblem(problem, t);
  if (!s.code && !s.requirement && !s.rule) return null;
  return (
    <Space size={[4, 4]} wrap data-testid="problem-meta">
      {s.code && (
        <Tag color="red" data-testid="problem-code">
          {t('errors.code')}: {s.code}
        </Tag>
      )}
      {s.requirement && (
        <Tag color="blue" data-testid="problem-requirement">
          {t('errors.requirement')}: {s.requirement}
        </Tag>
      )}
      {s.rule && (
        <Tag data-testid="problem-rule">
          {t('errors.rule')}: {s.rule}
        </Tag>
      )}
    </Space>
  );
}

interface ProblemAlertProps {
  error: unknown;
  /** Field errors that could not be attached to a form field. */
  extraErrors?: Array<{ path: string; message: string }>;
  /** Hide `errors[]` entries (already shown on the form fields). */
  hideFieldErrors?: boolean;
  testId?: string;
  style?: React.CSSProperties;
  onClose?: () => void;
}

/** Inline rendering of an `application/problem+json` error. */
export function ProblemAlert({ error, extraErrors, hideFieldErrors, testId = 'problem', style, onClose }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = toProblem(error);
  const s = summarizeProblem(problem, t);
  const listed = extraErrors ?? (hideFieldErrors ? [] : (problem.errors ?? []).map((e) => ({ path: Array.isArray(e.path) ? e.path.join('.') : e.path, message: e.message })));
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      data-code={s.code}
      style={style}
      title={<span data-testid={`${testId}-detail`}>{s.message}</span>}
      closable={onClose ? { onClose } : undefined}
      description={
        s.code || s.requirement || s.rule || listed.length > 0 ? (
          <Space orientation="vertical" size={4}>
            <ProblemMeta problem={problem} />
            {listed.length > 0 && (
              <div>
                <Typography.Text type="secondary">{t('errors.fieldErrors')}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {listed.map((e, i) => (
                    <li key={`${e.path}-${i}`}>
                      {e.path && <Typography.Text code>{e.path}</Typography.Text>} {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Space>
        ) : undefined
      }
    />
  );
}
