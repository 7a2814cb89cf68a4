import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useAllParties, useAllProducts } from '../master-data/shared/pickers.ts';
import { useChangeRequests } from './api.ts';
import { ChangeStatusTag } from './ChangeStatusTag.tsx';
import { targetFieldLabel } from './changeValues.tsx';
import { documentPath } from './model.ts';
import type { ChangeRequest } from './types.ts';

const STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;

/** 变更申请: changes to approved master data, waiting, applied or rejected. */
export default function ChangeRequestListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') || undefined;
  const q = useChangeRequests({ status });
  const products = useAllProducts();
  const parties = useAllParties();
  const names = useMemo(
    () => new Map([...(products.data?.items ?? []), ...(parties.data?.items ?? [])].map((r) => [r.id, `${r.name} · ${r.number}`])),
    [products.data, parties.data],
  );

  return (
    <Card className="page-card" data-testid="change-request-list">
      <div style={{ marginBottom: 16, maxWidth: 820 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('changeRequest.listTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('changeRequest.listIntro')}</Typography.Text>
      </div>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          value={status}
          placeholder={t('status.filterPlaceholder')}
          style={{ width: 180 }}
          onChange={(v?: string) => {
            const next = new URLSearchParams(search);
            if (v) next.set('status', v);
            else next.delete('status');
            setSearch(next);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`changeRequest.status.${s}`) }))}
          data-testid="change-request-status-filter"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching && !q.isPending}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {q.isError && <ProblemAlert error={q.error} style={{ marginBottom: 16 }} />}
      <Table<ChangeRequest>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="change-request-table"
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            title: t('common.number'),
            dataIndex: 'number',
            render: (v: string, r) => (
              <Link to={`/qualification/change-requests/${r.id}`} data-testid="change-request-link">
                {v}
              </Link>
            ),
          },
          { title: t('changeRequest.targetType'), dataIndex: 'target', render: (v: string) => <Tag>{t(v === 'master_data.party' ? 'changeRequest.targets.party' : 'changeRequest.targets.product')}</Tag> },
          {
            title: t('changeRequest.target'),
            key: 'target',
            render: (_: unknown, r) => {
              const path = documentPath(r.target, r.targetId);
              return path ? <Link to={path}>{names.get(r.targetId) ?? r.targetId}</Link> : r.targetId;
            },
          },
          {
            title: t('changeRequest.fields'),
            key: 'fields',
            render: (_: unknown, r) => (
              <Flex gap={4} wrap style={{ maxWidth: 360 }}>
                {Object.keys(r.changes).map((f) => (
                  <Tag key={f} style={{ marginInlineEnd: 0 }}>
                    {targetFieldLabel(t, r.target, f)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('common.status'), dataIndex: 'status', render: (v: string) => <ChangeStatusTag status={v} testId="change-request-row-status" /> },
          { title: t('common.createdBy'), key: 'by', render: (_: unknown, r) => r.createdBy?.displayName ?? '—' },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <Typography.Text type="secondary">{formatDateTime(v)}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
