import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useAllParties } from '../master-data/shared/pickers.ts';
import { PUR_PERMS, useOrders } from './api.ts';
import { Money, OrderStatusTag } from './PurchasingTags.tsx';
import { ORDER_STATUSES, type PurchaseOrder } from './types.ts';

/** 采购订单 list with status / supplier / text filters. */
export default function OrderListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>();
  const [supplierId, setSupplierId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, size: 20 });
  const parties = useAllParties(can('master_data.party.read'));
  const list = useOrders({ status, supplierId, q: q || undefined, limit: page.size, offset: (page.current - 1) * page.size });
  const suppliers = (parties.data?.items ?? []).filter((p) => p.kinds?.includes('supplier'));

  const columns: TableColumnsType<PurchaseOrder> = [
    {
      title: t('purchasing.fields.number'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Link to={`/purchasing/orders/${r.id}`} data-testid="order-link" data-number={v}>
          {v}
        </Link>
      ),
    },
    { title: t('common.status'), dataIndex: 'status', render: (v: string) => <OrderStatusTag status={v} testId="order-row-status" /> },
    { title: t('purchasing.fields.supplier'), dataIndex: 'supplierName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('purchasing.fields.orderDate'), dataIndex: 'orderDate', render: (v: string) => formatDate(v) },
    { title: t('purchasing.fields.expectedDeliveryDate'), dataIndex: 'expectedDeliveryDate', render: (v: string | null) => formatDate(v) },
    { title: t('purchasing.fields.lineCount'), dataIndex: 'lineCount', align: 'right' },
    { title: t('purchasing.fields.total'), dataIndex: 'total', align: 'right', render: (v: string) => <Money value={v} /> },
    { title: t('purchasing.fields.maxDeviceClass'), dataIndex: 'maxDeviceClass', render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') },
    {
      title: t('purchasing.fields.direct'),
      dataIndex: 'direct',
      render: (v: boolean, r) => (v ? <Tag color="volcano">{r.directReason ? t(`purchasing.directReason.${r.directReason}`) : t('purchasing.directShort')}</Tag> : '—'),
    },
  ];

  return (
    <Card className="page-card" data-testid="order-list">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('purchasing.ordersTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('purchasing.ordersIntro')}</Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="order-refresh">
            {t('common.refresh')}
          </Button>
          {can(PUR_PERMS.orderCreate) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/purchasing/orders/new')} data-testid="order-new">
              {t('purchasing.newOrder')}
            </Button>
          )}
        </Space>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('purchasing.searchPlaceholder')}
          style={{ width: 280 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
          data-testid="order-search"
        />
        <Select
          allowClear
          placeholder={t('status.filterPlaceholder')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`purchasing.status.${s}`) }))}
          data-testid="order-filter-status"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('purchasing.supplierFilter')}
          style={{ width: 280 }}
          value={supplierId}
          onChange={(v) => {
            setSupplierId(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={suppliers.map((p) => ({ value: p.id, label: p.name }))}
          data-testid="order-filter-supplier"
        />
      </Space>
      {list.isError && <ProblemAlert error={list.error} testId="order-list-error" style={{ marginBottom: 16 }} />}
      <Table<PurchaseOrder>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (current, size) => setPage({ current, size }),
        }}
        data-testid="order-table"
      />
    </Card>
  );
}
