import { Link, useSearchParams } from 'react-router';
import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate, formatDateTime } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useAllProducts } from '../master-data/shared/pickers.ts';
import { useStockCard } from './api.ts';
import { QualityStatusTag } from './InventoryTags.tsx';
import { movementSign, signedQuantity } from './model.ts';
import type { StockCardEntry } from './types.ts';

const KNOWN_STEPS = ['receiving', 'accepting', 'inspecting', 'storing', 'picking', 'shipping', 'transporting', 'holding', 'destroying', 'cycle_counting'] as const;
const KNOWN_SOURCES = ['inventory.hold', 'inventory.release_hold', 'inventory.transfer', 'inventory.adjustment', 'inventory.expiry'] as const;

/** 库存卡: the full ledger history of one lot or serial (time, step, bin, status, ±, source, actor, reason). */
export default function StockCardPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const productId = params.get('productId') ?? '';
  const lot = params.get('lot') ?? '';
  const serial = params.get('serial') ?? '';
  const products = useAllProducts(can('master_data.product.read'));
  const card = useStockCard(productId, lot, serial);
  const product = products.data?.items.find((p) => p.id === productId);
  const [form] = Form.useForm<{ productId?: string; lot?: string; serial?: string }>();

  const step = (s: string) => ((KNOWN_STEPS as readonly string[]).includes(s) ? t(`inventory.bizStep.${s as (typeof KNOWN_STEPS)[number]}`) : s);
  const source = (s: string) => ((KNOWN_SOURCES as readonly string[]).includes(s) ? t(`inventory.source.${s.replace('inventory.', '') as 'hold'}`) : s);

  const columns: TableColumnsType<StockCardEntry> = [
    { title: t('inventory.card.time'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    { title: t('inventory.card.step'), dataIndex: 'bizStep', render: (v: string) => <Tag data-testid="card-step" data-step={v}>{step(v)}</Tag> },
    { title: t('inventory.fields.location'), dataIndex: 'locationCode' },
    { title: t('common.status'), dataIndex: 'status', render: (v: string) => <QualityStatusTag status={v} testId="card-status" /> },
    {
      title: t('inventory.card.quantity'),
      dataIndex: 'quantity',
      align: 'right',
      render: (v: string) => (
        <Typography.Text strong type={movementSign(v) === 'out' ? 'danger' : movementSign(v) === 'in' ? 'success' : undefined} data-testid="card-quantity">
          {signedQuantity(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('inventory.card.source'),
      dataIndex: 'sourceType',
      render: (v: string, r) => (
        <Flex vertical>
          <span data-testid="card-source">{source(v)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: r.sourceId }}>
            {r.sourceId}
            {r.sourceLine != null && r.sourceLine !== '' ? ` #${r.sourceLine}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('inventory.card.actor'), dataIndex: 'actorName', render: (v: string | null) => <span data-testid="card-actor">{v ?? '—'}</span> },
    { title: t('common.reason'), dataIndex: 'reason', render: (v: string | null) => <span data-testid="card-reason">{v || '—'}</span> },
  ];

  const first = card.data?.items[0];
  return (
    <div data-testid="stock-card">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: t('menu.inventory') }, { title: <Link to="/inventory/stock">{t('menu.stock')}</Link> }, { title: t('inventory.stockCard') }]} />
      <Card className="page-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('inventory.stockCardTitle')}
        </Typography.Title>
        <Form
          form={form}
          layout="inline"
          initialValues={{ productId: productId || undefined, lot, serial }}
          onFinish={(v) => {
            const next = new URLSearchParams();
            if (v.productId) next.set('productId', v.productId);
            next.set('lot', (v.lot ?? '').trim());
            if (v.serial?.trim()) next.set('serial', v.serial.trim());
            setParams(next);
          }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="productId" rules={[{ required: true, message: t('validation.requiredSelect', { field: t('inventory.fields.product') }) }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('inventory.filters.product')}
              style={{ width: 300 }}
              options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.model ?? ''}` }))}
              data-testid="card-filter-product"
            />
          </Form.Item>
          <Form.Item name="lot">
            <Input placeholder={t('inventory.filters.lot')} style={{ width: 160 }} data-testid="card-filter-lot" />
          </Form.Item>
          <Form.Item name="serial">
            <Input placeholder={t('inventory.filters.serial')} style={{ width: 160 }} data-testid="card-filter-serial" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="card-search">
            {t('common.search')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary">{t('inventory.stockCardHelp')}</Typography.Paragraph>
        {productId ? (
          <Descriptions
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              { key: 'product', label: t('inventory.fields.product'), children: <span data-testid="card-product">{product ? `${product.name} ${product.model ?? ''}` : productId}</span> },
              { key: 'lot', label: t('inventory.fields.lot'), children: <span data-testid="card-lot">{lot || '—'}</span> },
              { key: 'serial', label: t('inventory.fields.serial'), children: <span data-testid="card-serial">{serial || '—'}</span> },
              { key: 'expiry', label: t('inventory.fields.expiry'), children: formatDate(first?.expiry ?? null) },
            ]}
          />
        ) : null}
        {card.isError && <ProblemAlert error={card.error} testId="card-error" style={{ marginBottom: 16 }} />}
        {productId ? (
          <Table<StockCardEntry>
            rowKey="id"
            size="small"
            loading={card.isPending}
            columns={columns}
            dataSource={card.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': 'card-row', 'data-step': r.bizStep, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
            data-testid="card-table"
          />
        ) : (
          <Empty description={t('inventory.stockCardEmpty')} />
        )}
      </Card>
    </div>
  );
}
