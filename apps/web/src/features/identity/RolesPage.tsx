import { useMemo } from 'react';
import { Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { ROLE_KEYS, useRoles, type RoleRow } from './api.ts';
import type { MatrixRow } from './matrix.ts';
import { permissionMatrix } from './matrix.ts';

export default function RolesPage() {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const en = i18n.language === 'en';
  const items = useMemo(() => {
    const order = (k: string) => {
      const i = (ROLE_KEYS as readonly string[]).indexOf(k);
      return i < 0 ? ROLE_KEYS.length : i;
    };
    return [...(roles.data?.items ?? [])].sort((a, b) => order(a.key) - order(b.key));
  }, [roles.data]);
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
        scroll={{ x: 'max-content' }}
        dataSource={matrix.rows}
        data-testid="roles-matrix"
        locale={{ emptyText: <Empty /> }}
        columns={[
          {
            title: t('identity.module'),
            dataIndex: 'group',
            fixed: 'left',
            width: 190,
            onCell: (row: MatrixRow) => ({ rowSpan: row.groupSize }),
            render: (g: string) => <Tag color="geekblue">{g}</Tag>,
          },
          {
            title: t('identity.permission'),
            dataIndex: 'action',
            fixed: 'left',
            width: 150,
            render: (a: string, row: MatrixRow) => (
              <Tooltip title={row.permission}>
                <Typography.Text code style={{ fontSize: 12 }} data-testid={`perm-${row.permission}`}>
                  {a}
                </Typography.Text>
              </Tooltip>
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
            width: 96,
            render: (_: unknown, row: MatrixRow) =>
              row.holders.has(r.key) ? <CheckOutlined style={{ color: '#389e0d' }} aria-label="✓" /> : null,
          })),
        ]}
      />
    </Card>
  );
}
