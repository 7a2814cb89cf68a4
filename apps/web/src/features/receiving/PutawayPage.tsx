import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useBalances, useLocations } from '../inventory/api.ts';
import { MovementProblemAlert, QualityStatusTag } from '../inventory/InventoryTags.tsx';
import { balanceKey, trimDecimal } from '../inventory/model.ts';
import type { Balance } from '../inventory/types.ts';
import { REC_PERMS, useCreatePutaway, usePutaways } from './api.ts';
import { putawayItems } from './model.ts';
import type { Putaway } from './types.ts';

/** 上架 (入库, F-CN-7): released stock from a receiving or quarantine bin into one storage bin. */
export default function PutawayPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const locations = useLocations();
  const balances = useBalances({ status: 'released', limit: 500, offset: 0 });
  const putaways = usePutaways();
  const create = useCreatePutaway();
  const [selected, setSelected] = useState<string[]>([]);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [toLocationId, setToLocationId] = useState<string | undefined>();

  const bins = locations.data?.items ?? [];
  const binById = useMemo(() => new Map(bins.map((b) => [b.id, b])), [bins]);
  const inbound = (balances.data?.items ?? []).filter((b) => {
    const zone = binById.get(b.locationId)?.zone;
    return zone === 'receiving' || zone === 'quarantine';
  });
  const storageBins = bins.filter((b) => b.active && b.zone === 'storage');
  const rows = inbound.filter((b) => selected.includes(balanceKey(b)));
  const mayCreate = can(REC_PERMS.putawayCreate);

  const columns: TableColumnsType<Balance> = [
    {
      title: t('receiving.fields.product'),
      key: 'product',
      render: (_: unknown, b) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{b.productName}</Typography.Text>
          <Typography.Text type="secondary">{[b.model, b.udiDi].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('receiving.fields.lot'), dataIndex: 'lot', render: (v: string) => v || '—' },
    { title: t('receiving.fields.serials'), dataIndex: 'serial', render: (v: string) => v || '—' },
    { title: t('receiving.fields.expiry'), dataIndex: 'expiry', render: (v: string | null) => formatDate(v) },
    { title: t('receiving.fields.fromLocation'), dataIndex: 'locationCode' },
    { title: t('receiving.fields.status'), dataIndex: 'status', render: (v: string) => <QualityStatusTag status={v} /> },
    {
      title: t('receiving.fields.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_: unknown, b) =>
        b.serial ? (
          trimDecimal(b.quantity)
        ) : (
          <Input
            style={{ width: 110 }}
            value={quantities[balanceKey(b)] ?? trimDecimal(b.quantity)}
            onChange={(e) => setQuantities((q) => ({ ...q, [balanceKey(b)]: e.target.value }))}
            data-testid="putaway-quantity"
            data-lot={b.lot}
          />
        ),
    },
  ];

  const submit = async () => {
    if (!toLocationId || rows.length === 0) return;
    const items = putawayItems(rows, quantities, (r) => balanceKey(r as Balance));
    await create.mutateAsync({ toLocationId, items });
    setSelected([]);
    setQuantities({});
    void message.success(t('receiving.actions.putawayDone'));
  };

  const historyColumns: TableColumnsType<Putaway> = [
    { title: t('receiving.fields.number'), dataIndex: 'number', render: (v: string) => <span data-testid="putaway-number">{v}</span> },
    { title: t('receiving.fields.toLocation'), dataIndex: 'toLocationId', render: (v: string) => binById.get(v)?.code ?? v },
    { title: t('receiving.fields.putawayDate'), dataIndex: 'putawayDate', render: (v: string) => formatDate(v) },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card className="page-card" data-testid="putaway-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('receiving.putaways')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('receiving.putaway.hint')}</Typography.Paragraph>
        {balances.error ? <ProblemAlert error={balances.error} /> : null}
        {inbound.length === 0 && !balances.isLoading ? (
          <Empty description={t('receiving.putaway.noStock')} data-testid="putaway-empty" />
        ) : (
          <Table
            rowKey={(b) => balanceKey(b)}
            size="small"
            pagination={false}
            loading={balances.isLoading}
            columns={columns}
            dataSource={inbound}
            rowSelection={mayCreate ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
            onRow={(b) => ({ 'data-testid': 'putaway-row', 'data-lot': b.lot, 'data-serial': b.serial }) as React.HTMLAttributes<HTMLElement>}
            data-testid="putaway-stock"
          />
        )}
        {mayCreate && (
          <Flex gap={8} align="center" wrap style={{ marginTop: 16 }}>
            <Typography.Text>{t('receiving.fields.toLocation')}</Typography.Text>
            <Select
              style={{ width: 320 }}
              value={toLocationId}
              onChange={(v) => setToLocationId(v)}
              options={storageBins.map((b) => ({
                value: b.id,
                label: `${b.code} · ${b.name}${b.tempMin !== null || b.tempMax !== null ? ` (${b.tempMin ?? ''}–${b.tempMax ?? ''} ℃)` : ''}`,
              }))}
              data-testid="putaway-to"
            />
            <Button type="primary" disabled={!toLocationId || rows.length === 0} loading={create.isPending} onClick={() => void submit().catch(() => undefined)} data-testid="putaway-submit">
              {t('receiving.actions.putaway')}
            </Button>
          </Flex>
        )}
        {create.error ? <MovementProblemAlert error={create.error} testId="putaway-error" style={{ marginTop: 12 }} /> : null}
      </Card>
      <Card className="page-card" title={t('receiving.putawayHistory')}>
        <Table rowKey="id" size="small" columns={historyColumns} dataSource={putaways.data?.items ?? []} loading={putaways.isLoading} data-testid="putaway-history" />
      </Card>
    </Space>
  );
}
