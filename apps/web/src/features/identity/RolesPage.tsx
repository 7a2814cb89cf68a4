import { useMemo } from 'react';
import { Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useRoles, type RoleRow } from './api.ts';
import { permissionMatrix } from './matrix.ts';

export default function RolesPage() {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const en = i18n.language === 'en';
  const items = roles.data?.items ?? [];
  const matrix = useMemo(() => permissionMatrix(items), [items]);
  const roleLabel = (r: RoleRow) => (en ? r.nameEn : r.nameZh) || r.key;

  return (
    <Card className="page-card" data-testid="roles-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('identity.rolesTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('identity.rolesIntro')}</Typography.Paragraph>
      {roles.isError && <ProblemAlert error={roles.error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="permission"
        size="small"
        bordered
        loading={roles.isPending}
        pagination={false}
        scroll={{ x: 'max-content', y: 'calc(100vh - 330px)' }}
        dataSource={matrix.rows}
        data-testid="roles-matrix"
        locale={{ emptyText: <Empty /> }}
        columns={[
          {
            title: t('identity.permission'),
            dataIndex: 'permission',
            fixed: 'left',
            width: 300,
            render: (p: string, row) => (
              <span>
                {row.firstInGroup && (
                  <Tag color="geekblue" style={{ marginInlineEnd: 6 }}>
                    {row.group}
                  </Tag>
                )}
                <Typography.Text code style={{ fontSize: 12 }}>
                  {p}
                </Typography.Text>
              </span>
            ),
          },
          ...items.map((r) => ({
            title: (
              <Tooltip title={`${r.key} · ${t('identity.permissionCount', { count: r.permissions.length })}`}>
                <span data-testid={`role-col-${r.key}`}>{roleLabel(r)}</span>
              </Tooltip>
            ),
            key: r.key,
            align: 'center' as const,
            width: 110,
            render: (_: unknown, row: { permission: string; holders: Set<string> }) =>
              row.holders.has(r.key) ? <CheckOutlined style={{ color: '#389e0d' }} aria-label="✓" /> : null,
          })),
        ]}
      />
    </Card>
  );
}
