import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { REC_PERMS, useReceipts } from './api.ts';
import { RecStatusTag } from './ReceivingTags.tsx';
import type { Receipt } from './types.ts';

/** 收货单 list. */
export default function ReceiptListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const list = useReceipts({ status, limit: page.size, offset: (page.current - 1) * page.size });

  const columns: TableColumnsType<Receipt> = [
    {
      title: t('receiving.fields.number'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Link to={`/receiving/receipts/${r.id}`} data-testid="receipt-link" data-number={v}>
          {v}
        </Link>
      ),
    },
    { title: t('receiving.fields.status'), dataIndex: 'status', render: (v: string) => <RecStatusTag status={v} testId="receipt-row-status" /> },
    { title: t('receiving.fields.purchaseOrder'), dataIndex: 'purchaseOrderNo' },
    { title: t('receiving.fields.supplier'), dataIndex: 'supplierName' },
    { title: t('receiving.fields.deliveryNoteNo'), dataIndex: 'deliveryNoteNo' },
    { title: t('receiving.fields.receiver'), dataIndex: 'receiverName' },
    { title: t('receiving.fields.receiptDate'), dataIndex: 'receiptDate', render: (v: string) => formatDate(v) },
    {
      title: t('receiving.flags.title'),
      dataIndex: 'flags',
      render: (_: unknown, r) =>
        (r.flags ?? []).length === 0 ? '—' : <Tag color={r.blocking ? 'red' : 'orange'}>{(r.flags ?? []).length}</Tag>,
    },
  ];

  return (
    <Card className="page-card" data-testid="receipt-list">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('receiving.receipts')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="receipt-refresh">
            {t('common.refresh')}
          </Button>
          {can(REC_PERMS.receiptCreate) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/receiving/receipts/new')} data-testid="receipt-new">
              {t('receiving.newReceipt')}
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
          options={(['draft', 'received', 'cancelled'] as const).map((s) => ({ value: s, label: t(`receiving.status.${s}`) }))}
          data-testid="receipt-filter-status"
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
        data-testid="receipt-table"
      />
    </Card>
  );
}
