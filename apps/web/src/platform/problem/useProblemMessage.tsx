import { useCallback } from 'react';
import { App, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, summarizeProblem, toProblem } from '../api/problem.ts';
import { ProblemMeta } from './ProblemAlert.tsx';

/**
 * Returns a function that shows an error as an antd message: the server's
 * localized `detail` plus `code` and `requirement`. 401s from ordinary
 * requests are handled by the auth layer (redirect to login), so they are not
 * repeated here.
 */
export function useProblemMessage() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.status === 401) return;
      const problem = toProblem(error);
      const s = summarizeProblem(problem, t);
      void message.error({
        key: `problem-${s.code ?? s.status}`,
        duration: 6,
        content: (
          <Space size={8} wrap data-testid="problem-message">
            <Typography.Text>{s.message}</Typography.Text>
            <ProblemMeta problem={problem} />
          </Space>
        ),
      });
    },
    [message, t],
  );
}
