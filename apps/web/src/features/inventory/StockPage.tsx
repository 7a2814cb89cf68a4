import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useAllProducts } from '../master-data/shared/pickers.ts';
import { INV_PERMS, useBalances, useLocations } from './api.ts';
import { QualityStatusTag } from './InventoryTags.tsx';
import { balanceKey, stockCardPath, trimDecimal } from './model.ts';
import { StockActions } from './StockActions.tsx';
import { QUALITY_STATUSES, type Balance } from './types.ts';

const EXPIRY_WINDOWS = [30, 90, 180] as const;

/** 库存 by product / lot / serial / bin / quality status, with the hold, release, transfer and stock-take actions. */
export default function StockPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [productId, setProductId] = useState<string | undefined>();
  const [lot, setLot] = useState('');
  const [serial, setSerial] = useState('');
  const [locationId, setLocationId] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [expiring, setExpiring] = useState<number | undefined>();
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [selectedKeys, setSelectedKeys] = useState<string[]>([]);
  const products = useAllProducts(can('master_data.product.read'));
  const locations = useLocations();
  const list = useBalances({
    productId,
    lot: lot || undefined,
    serial: serial || undefined,
    locationId,
    status,
    expiringWithinDays: expiring,
    limit: page.size,
    offset: (page.current - 1) * page.size,
  });
  const items = list.data?.items ?? [];
  // The balances answer has no total: offer a next page while a page comes back full.
  const total = list.data?.total ?? (page.current - 1) * page.size + items.length + (items.length === page.size ? 1 : 0);
  const selected = items.filter((b) => selectedKeys.includes(balanceKey(b)));
  const filtered = (fn: () => void) => {
    fn();
    setSelectedKeys([]);
    setPage((p) => ({ ...p, current: 1 }));
  };
  const perms = {
    hold: can(INV_PERMS.hold),
    release: can(INV_PERMS.releaseHold),
    transfer: can(INV_PERMS.transfer),
    adjust: can(INV_PERMS.adjust),
  };

  const columns: TableColumnsType<Balance> = [
    {
      title: t('inventory.fields.product'),
      dataIndex: 'productName',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{v}</Typography.Text>
          <Typography.Text type="secondary">{r.model ?? ''}</Typography.Text>
        </Space>
      ),
    },
    { title: t('inventory.fields.udiDi'), dataIndex: 'udiDi', render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
    { title: t('inventory.fields.lot'), dataIndex: 'lot', render: (v: string) => <span data-testid="stock-row-lot">{v || '—'}</span> },
    { title: t('inventory.fields.serial'), dataIndex: 'serial', render: (v: string) => <span data-testid="stock-row-serial">{v || '—'}</span> },
    { title: t('inventory.fields.expiry'), dataIndex: 'expiry', render: (v: string | null) => formatDate(v) },
    { title: t('inventory.fields.location'), dataIndex: 'locationCode' },
    { title: t('common.status'), dataIndex: 'status', render: (v: string) => <QualityStatusTag status={v} testId="stock-row-status" /> },
    { title: t('inventory.fields.quantity'), dataIndex: 'quantity', align: 'right', render: (v: string) => <span data-testid="stock-row-quantity">{trimDecimal(v)}</span> },
    {
      title: t('inventory.stockCard'),
      key: 'card',
      render: (_: unknown, r) => (
        <Link to={stockCardPath(r)} data-testid="stock-card-link">
          <HistoryOutlined /> {t('inventory.stockCard')}
        </Link>
      ),
    },
  ];

  return (
    <Card className="page-card" data-testid="stock-list">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('inventory.stockTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('inventory.stockIntro')}</Typography.Text>
        </div>
        <Space wrap>
          <StockActions selected={selected} perms={perms} onDone={() => setSelectedKeys([])} />
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="stock-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('inventory.filters.product')}
          style={{ width: 260 }}
          value={productId}
          onChange={(v) => filtered(() => setProductId(v))}
          options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.model ?? ''}` }))}
          data-testid="stock-filter-product"
        />
        <Input.Search allowClear placeholder={t('inventory.filters.lot')} style={{ width: 160 }} onSearch={(v) => filtered(() => setLot(v.trim()))} data-testid="stock-filter-lot" />
        <Input.Search
          allowClear
          placeholder={t('inventory.filters.serial')}
          style={{ width: 160 }}
          onSearch={(v) => filtered(() => setSerial(v.trim()))}
          data-testid="stock-filter-serial"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('inventory.filters.location')}
          style={{ width: 220 }}
          value={locationId}
          onChange={(v) => filtered(() => setLocationId(v))}
          options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
          data-testid="stock-filter-location"
        />
        <Select
          allowClear
          placeholder={t('status.filterPlaceholder')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => filtered(() => setStatus(v))}
          options={QUALITY_STATUSES.map((s) => ({ value: s, label: <QualityStatusTag status={s} /> }))}
          data-testid="stock-filter-status"
        />
        <Select
          allowClear
          placeholder={t('inventory.filters.expiring')}
          style={{ width: 180 }}
          value={expiring}
          onChange={(v) => filtered(() => setExpiring(v))}
          options={EXPIRY_WINDOWS.map((d) => ({ value: d, label: t('inventory.filters.expiringWithin', { days: d }) }))}
          data-testid="stock-filter-expiring"
        />
      </Space>
      {list.isError && <ProblemAlert error={list.error} testId="stock-error" style={{ marginBottom: 16 }} />}
      <Table<Balance>
        rowKey={balanceKey}
        size="middle"
        loading={list.isPending}
        columns={columns}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        rowSelection={perms.hold || perms.release || perms.transfer || perms.adjust ? { selectedRowKeys: selectedKeys, onChange: (keys) => setSelectedKeys(keys.map(String)) } : undefined}
        onRow={(r) => ({ 'data-testid': 'stock-row', 'data-lot': r.lot, 'data-serial': r.serial, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page.current, pageSize: page.size, total, showSizeChanger: true, onChange: (current, size) => setPage({ current, size }) }}
        data-testid="stock-table"
      />
    </Card>
  );
}
