import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Flex, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { REC_PERMS, useAcceptances } from './api.ts';
import { RecStatusTag } from './ReceivingTags.tsx';
import type { Acceptance } from './types.ts';

/** 验收记录 list. */
export default function AcceptanceListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const list = useAcceptances({ status, limit: page.size, offset: (page.current - 1) * page.size });

  const columns: TableColumnsType<Acceptance> = [
    {
      title: t('receiving.fields.number'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Link to={`/receiving/acceptances/${r.id}`} data-testid="acceptance-link" data-number={v}>
          {v}
        </Link>
      ),
    },
    { title: t('receiving.fields.status'), dataIndex: 'status', render: (v: string) => <RecStatusTag status={v} testId="acceptance-row-status" /> },
    { title: t('receiving.fields.receipt'), dataIndex: 'receiptNo' },
    { title: t('receiving.fields.purchaseOrder'), dataIndex: 'purchaseOrderNo' },
    { title: t('receiving.fields.supplier'), dataIndex: 'supplierName' },
    { title: t('receiving.fields.inspector'), dataIndex: 'inspector' },
    { title: t('receiving.fields.acceptanceDate'), dataIndex: 'acceptanceDate', render: (v: string) => formatDate(v) },
  ];

  return (
    <Card className="page-card" data-testid="acceptance-list">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('receiving.acceptances')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('common.refresh')}
          </Button>
          {can(REC_PERMS.acceptanceCreate) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/receiving/acceptances/new')} data-testid="acceptance-new">
              {t('receiving.newAcceptance')}
            </Button>
          )}
        </Space>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('receiving.fields.status')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={(['draft', 'accepted', 'cancelled'] as const).map((s) => ({ value: s, label: t(`receiving.status.${s}`) }))}
        />
      </Space>
      {list.error ? <ProblemAlert error={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page.current, pageSize: page.size, total: list.data?.total ?? 0, onChange: (current, size) => setPage({ current, size }) }}
        data-testid="acceptance-table"
      />
    </Card>
  );
}
