import { Navigate, Outlet, useLocation } from 'react-router';
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { ProblemAlert } from '../platform/problem/ProblemAlert.tsx';

/** Renders child routes for a signed-in user; otherwise redirects to /login?next=… */
export function RequireAuth() {
  const { user, loading, error, retry } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (loading) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!user && error) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 24 }}>
        <Result
          status="warning"
          title={t('errors.loadFailed')}
          subTitle={<ProblemAlert error={error} />}
          extra={<Button onClick={retry}>{t('common.refresh')}</Button>}
        />
      </Flex>
    );
  }
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  return <Outlet />;
}

/** Guards a page by permission namespace or by one exact permission; shows a 403 result otherwise. */
export function RequirePermission({ namespace, permission, children }: { namespace?: string; permission?: string; children: React.ReactNode }) {
  const { can, canUnder } = useAuth();
  const { t } = useTranslation();
  const allowed = (namespace === undefined || canUnder(namespace)) && (permission === undefined || can(permission));
  if (!allowed) {
    return <Result status="403" title={t('app.forbiddenTitle')} subTitle={t('app.forbiddenText')} data-testid="forbidden" />;
  }
  return <>{children}</>;
}
