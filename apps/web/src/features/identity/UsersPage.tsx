import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { LockOutlined, PlusOutlined, ReloadOutlined, TeamOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDateTime, isLocked } from '../../platform/format/format.ts';
import { PERMS } from '../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { ReasonDialog } from '../../platform/reason/ReasonDialog.tsx';
import { applyServerErrors } from '../master-data/shared/formSupport.tsx';
import { ROLE_KEYS, useCreateUser, useRoles, useSetUserRoles, useUnlockUser, useUsers, type CreateUserInput, type UserRow } from './api.ts';
import { useRoleName } from './useRoleName.ts';

/** Server password policy (21 CFR 11.300): at least 10 characters. */
const MIN_PASSWORD = 10;

function useRoleOptions() {
  const roles = useRoles();
  const roleName = useRoleName();
  const keys = roles.data?.items.map((r) => r.key) ?? [...ROLE_KEYS];
  return keys.map((k) => ({ value: k, label: roleName(k) }));
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserInput>();
  const create = useCreateUser();
  const [error, setError] = useState<unknown>(null);
  const [other, setOther] = useState<Array<{ path: string; message: string }>>([]);
  const roleOptions = useRoleOptions();

  const ok = async () => {
    let values: CreateUserInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      await create.mutateAsync({ ...values, username: values.username.trim(), displayName: values.displayName.trim(), reason: values.reason.trim() });
      void message.success(t('identity.userCreated'));
      onClose();
    } catch (err) {
      setError(err);
      setOther(applyServerErrors(form, err, ['username', 'displayName', 'password', 'roles', 'locale', 'reason']));
    }
  };

  return (
    <Modal
      open={open}
      title={t('identity.createUserTitle')}
      onOk={ok}
      onCancel={onClose}
      afterClose={() => {
        setError(null);
        setOther([]);
      }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
    >
      <Form<CreateUserInput> form={form} layout="vertical" preserve={false} initialValues={{ roles: [], locale: i18n.language === 'en' ? 'en' : 'zh-CN' }}>
        <Form.Item name="username" label={t('identity.username')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('identity.username') }) }, { pattern: /^[a-z][a-z0-9._-]{1,31}$/, message: t('validation.username') }]}>
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('identity.displayName')} extra={t('identity.displayNameHelp')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('identity.displayName') }) }]}>
          <Input data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item name="password" label={t('identity.password')} rules={[{ required: true, message: t('validation.required', { field: t('identity.password') }) }, { min: MIN_PASSWORD, message: t('validation.passwordLength', { min: MIN_PASSWORD }) }]}>
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('identity.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.atLeastOne') }]}>
          <Select mode="multiple" options={roleOptions} data-testid="user-form-roles" optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="locale" label={t('identity.locale')}>
          <Radio.Group optionType="button" options={[{ value: 'zh-CN', label: t('lang.zh-CN') }, { value: 'en', label: t('lang.en') }]} data-testid="user-form-locale" />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={2} placeholder={t('common.reasonPlaceholder')} data-testid="user-form-reason" />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} extraErrors={other} testId="user-form-error" /> : null}
    </Modal>
  );
}

function RolesModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: string[]; reason: string }>();
  const setRoles = useSetUserRoles();
  const [error, setError] = useState<unknown>(null);
  const roleOptions = useRoleOptions();

  const ok = async () => {
    if (!user) return;
    let values: { roles: string[]; reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      await setRoles.mutateAsync({ id: user.id, roles: values.roles, reason: values.reason.trim() });
      void message.success(t('identity.rolesUpdated'));
      onClose();
    } catch (err) {
      setError(err);
      applyServerErrors(form, err, ['roles', 'reason']);
    }
  };

  return (
    <Modal
      open={!!user}
      title={t('identity.editRolesTitle', { name: user?.displayName ?? '' })}
      onOk={ok}
      onCancel={onClose}
      afterClose={() => setError(null)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setRoles.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-roles-submit' }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ roles: user?.roles ?? [] }} key={user?.id}>
        <Form.Item name="roles" label={t('identity.roles')}>
          <Select mode="multiple" options={roleOptions} data-testid="user-roles-select" optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={2} placeholder={t('common.reasonPlaceholder')} data-testid="user-roles-reason" />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} testId="user-roles-error" /> : null}
    </Modal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const users = useUsers();
  const roleName = useRoleName();
  const unlock = useUnlockUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [unlocking, setUnlocking] = useState<UserRow | null>(null);
  const canAssign = can(PERMS.userSetRoles);
  const canUnlock = can(PERMS.userUnlock);

  return (
    <Card className="page-card" data-testid="users-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('identity.usersTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('identity.usersIntro')}</Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void users.refetch()} loading={users.isFetching}>
            {t('common.refresh')}
          </Button>
          {can(PERMS.userCreate) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-new">
              {t('identity.newUser')}
            </Button>
          )}
        </Space>
      </Flex>
      {users.isError && <ProblemAlert error={users.error} style={{ marginBottom: 16 }} />}
      <Table<UserRow>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
        columns={(
          [
          { title: t('identity.username'), dataIndex: 'username', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('identity.displayName'), dataIndex: 'displayName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: t('identity.roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => (
              <Flex gap={4} wrap>
                {roles.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'red' : r === 'qa_head' ? 'purple' : 'blue'}>
                    {roleName(r)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('identity.active'),
            dataIndex: 'active',
            render: (v: boolean, u: UserRow) => (
              <Space size={4}>
                <Tag color={v ? 'success' : 'default'}>{v ? t('common.active') : t('common.inactive')}</Tag>
                {isLocked(u.lockedUntil) && (
                  <Tag color="error" icon={<LockOutlined />} data-testid={`user-locked-${u.username}`}>
                    {t('identity.locked')} · {formatDateTime(u.lockedUntil)}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, u: UserRow) => (
              <Space>
                {canAssign && (
                  <Button size="small" icon={<TeamOutlined />} onClick={() => setEditing(u)} data-testid={`user-roles-${u.username}`}>
                    {t('identity.editRoles')}
                  </Button>
                )}
                {canUnlock && isLocked(u.lockedUntil) && (
                  <Button size="small" icon={<UnlockOutlined />} onClick={() => setUnlocking(u)} data-testid={`user-unlock-${u.username}`}>
                    {t('identity.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
          ] as TableColumnsType<UserRow>
        ).filter((c) => c.key !== 'actions' || canAssign || canUnlock)}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <RolesModal user={editing} onClose={() => setEditing(null)} />
      <ReasonDialog
        open={!!unlocking}
        title={t('identity.unlockTitle', { name: unlocking?.displayName ?? '' })}
        text={t('identity.unlockText', { until: formatDateTime(unlocking?.lockedUntil) })}
        okText={t('identity.unlock')}
        testId="user-unlock"
        onCancel={() => setUnlocking(null)}
        onSubmit={async (reason) => {
          await unlock.mutateAsync({ id: unlocking!.id, reason });
          setUnlocking(null);
          void message.success(t('identity.unlocked'));
        }}
      />
    </Card>
  );
}
