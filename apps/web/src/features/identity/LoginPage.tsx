import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { LangSwitch } from '../../platform/i18n/LangSwitch.tsx';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { Logo } from '../../app/Logo.tsx';
import { safeNext } from './safeNext.ts';

interface LoginValues {
  username: string;
  password: string;
}


export default function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (user) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <Card className="login-card" variant="borderless">
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <Logo size={48} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {t('auth.subtitle')}
            </Typography.Text>
          </Flex>
          {error ? <ProblemAlert error={error} testId="login-error" style={{ marginBottom: 16 }} /> : null}
          <Form<LoginValues> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} data-testid="login-form">
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12, textAlign: 'center' }}>
          {t('auth.footer')}
        </Typography.Text>
      </Flex>
    </div>
  );
}
