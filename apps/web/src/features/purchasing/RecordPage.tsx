import { useState } from 'react';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { Card, DatePicker, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useAllParties, useAllProducts } from '../master-data/shared/pickers.ts';
import { useRecords } from './api.ts';
import { Money } from './PurchasingTags.tsx';
import type { PurchaseRecordRow } from './types.ts';

/** 采购记录 (F-CN-4): one row per line of an approved or closed order, filtered by date, supplier, product. */
export default function RecordPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [supplierId, setSupplierId] = useState<string | undefined>();
  const [productId, setProductId] = useState<string | undefined>();
  const [direct, setDirect] = useState<'all' | 'direct' | 'normal'>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, size: 50 });
  const parties = useAllParties(can('master_data.party.read'));
  const products = useAllProducts(can('master_data.product.read'));
  const list = useRecords({
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    supplierId,
    productId,
    direct: direct === 'all' ? undefined : direct === 'direct',
    q: q || undefined,
    limit: page.size,
    offset: (page.current - 1) * page.size,
  });
  const reset = () => setPage((p) => ({ ...p, current: 1 }));

  const columns: TableColumnsType<PurchaseRecordRow> = [
    { title: t('purchasing.record.purchaseDate'), dataIndex: 'purchaseDate', render: (v: string) => formatDate(v) },
    {
      title: t('purchasing.fields.number'),
      dataIndex: 'orderNumber',
      render: (v: string, r) => (
        <Link to={`/purchasing/orders/${r.orderId}`} data-testid="record-order-link">
          {v}
        </Link>
      ),
    },
    { title: t('purchasing.record.supplier'), dataIndex: 'supplierName' },
    { title: t('purchasing.line.productName'), dataIndex: 'productName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('purchasing.line.model'), dataIndex: 'model', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.registrant'), dataIndex: 'registrant', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.registrationNo'), dataIndex: 'registrationNo', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.unit'), dataIndex: 'unit', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.quantity'), dataIndex: 'quantity', align: 'right' },
    { title: t('purchasing.line.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (v: string) => <Money value={v} /> },
    { title: t('purchasing.line.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money value={v} /> },
    {
      title: t('purchasing.fields.direct'),
      dataIndex: 'direct',
      render: (v: boolean, r) =>
        v ? (
          <Space orientation="vertical" size={0}>
            <Tag color="volcano">{r.directReason ? t(`purchasing.directReason.${r.directReason}`) : t('purchasing.directShort')}</Tag>
            {r.directCustomerName && <Typography.Text type="secondary">{r.directCustomerName}</Typography.Text>}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card className="page-card" data-testid="purchase-record">
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('purchasing.recordTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('purchasing.recordIntro')}</Typography.Text>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => {
            setRange(v as [Dayjs | null, Dayjs | null] | null);
            reset();
          }}
          format="YYYY-MM-DD"
          maxDate={dayjs().add(1, 'day')}
          data-testid="record-filter-dates"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('purchasing.supplierFilter')}
          style={{ width: 260 }}
          value={supplierId}
          onChange={(v) => {
            setSupplierId(v);
            reset();
          }}
          options={(parties.data?.items ?? []).filter((p) => p.kinds?.includes('supplier')).map((p) => ({ value: p.id, label: p.name }))}
          data-testid="record-filter-supplier"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('purchasing.productFilter')}
          style={{ width: 260 }}
          value={productId}
          onChange={(v) => {
            setProductId(v);
            reset();
          }}
          options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.model ?? ''}` }))}
          data-testid="record-filter-product"
        />
        <Select
          style={{ width: 160 }}
          value={direct}
          onChange={(v) => {
            setDirect(v);
            reset();
          }}
          options={[
            { value: 'all', label: t('purchasing.record.allOrders') },
            { value: 'normal', label: t('purchasing.record.normalOnly') },
            { value: 'direct', label: t('purchasing.record.directOnly') },
          ]}
          data-testid="record-filter-direct"
        />
        <Input.Search
          allowClear
          placeholder={t('purchasing.searchPlaceholder')}
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v.trim());
            reset();
          }}
          data-testid="record-search"
        />
      </Space>
      {list.isError && <ProblemAlert error={list.error} testId="record-error" style={{ marginBottom: 16 }} />}
      <Table<PurchaseRecordRow>
        rowKey={(r) => `${r.orderId}-${r.lineNo}`}
        size="small"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page.current, pageSize: page.size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (current, size) => setPage({ current, size }) }}
        data-testid="record-table"
      />
    </Card>
  );
}
