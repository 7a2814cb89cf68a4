import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, Col, Empty, Flex, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ParseResult } from '@custodia/gs1';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { ScanField } from '../../platform/scan/ScanField.tsx';
import { useOrder, useOrders } from '../purchasing/api.ts';
import { useLocations } from '../inventory/api.ts';
import { useAllProducts } from '../master-data/shared/pickers.ts';
import { useCreateReceipt, type ReceiptInput } from './api.ts';
import { addScan, isQuantity, lineInput, needsColdChain, spreadReadings, type DraftLine } from './model.ts';
import type { ColdChain } from './types.ts';

const TRANSPORT_MODES = ['refrigerated_vehicle', 'insulated_box', 'cold_chain_courier', 'other'] as const;

interface ColdChainDraft {
  transportMode: ColdChain['transportMode'];
  departedAt: string;
  arrivedAt: string;
  arrivalTemperature: number | null;
  readings: string;
}

/** 收货: pick an approved order, enter the delivery note, scan the goods; the server composes and flags the lines. */
export default function ReceiptFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const navigate = useNavigate();
  const orders = useOrders({ status: 'approved', limit: 100, offset: 0 });
  const locations = useLocations();
  const products = useAllProducts(can('master_data.product.read'));
  const [orderId, setOrderId] = useState<string | undefined>();
  const order = useOrder(orderId);
  const [deliveryNoteNo, setDeliveryNoteNo] = useState('');
  const [delivererName, setDelivererName] = useState('');
  const [locationId, setLocationId] = useState<string | undefined>();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [scanText, setScanText] = useState('');
  const [coldOn, setColdOn] = useState(false);
  const [cold, setCold] = useState<ColdChainDraft>({ transportMode: 'refrigerated_vehicle', departedAt: '', arrivedAt: '', arrivalTemperature: null, readings: '' });
  const [touched, setTouched] = useState(false);
  const create = useCreateReceipt();
  const seq = useRef(0);

  const receivingBins = (locations.data?.items ?? []).filter((l) => l.active && (l.zone === 'receiving' || l.zone === 'quarantine'));
  const binId = locationId ?? receivingBins.find((l) => l.zone === 'receiving')?.id ?? receivingBins[0]?.id;
  const productList = products.data?.items ?? [];
  const byDi = useMemo(() => new Map(productList.filter((p) => p.udiDi).map((p) => [p.udiDi as string, p])), [productList]);
  const orderedProducts = useMemo(() => {
    const ids = new Set((order.data?.lines ?? []).map((l) => l.productId));
    return productList.filter((p) => ids.has(p.id));
  }, [order.data, productList]);
  const coldRequired = needsColdChain(orderedProducts);
  const showCold = coldOn || coldRequired;

  const onParsed = useCallback(
    (result: ParseResult) => {
      const di = result.gtin ?? result.di;
      const unit = { raw: result.hri, di, lot: result.lot, serial: result.serial, expiry: result.expiry, productionDate: result.productionDate };
      setLines((prev) => {
        const out = addScan(prev, unit, () => `line-${++seq.current}`);
        if (out.duplicateSerial) void message.warning(t('receiving.scan.duplicateSerial', { serial: result.serial ?? '' }));
        return out.lines;
      });
      setScanText('');
    },
    [message, t],
  );

  const update = (key: string, patch: Partial<DraftLine>) => setLines((prev) => prev.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const productOf = (line: DraftLine) => (line.di ? byDi.get(line.di) : undefined);

  const columns: TableColumnsType<DraftLine> = [
    {
      title: t('receiving.fields.product'),
      key: 'product',
      render: (_: unknown, l) =>
        l.di ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>{productOf(l)?.name ?? '—'}</Typography.Text>
            <Typography.Text type="secondary">{l.di}</Typography.Text>
          </Space>
        ) : (
          <Select
            style={{ width: 240 }}
            value={l.orderLineId}
            placeholder={t('receiving.fields.product')}
            status={touched && !l.orderLineId ? 'error' : undefined}
            onChange={(v) => update(l.key, { orderLineId: v })}
            options={(order.data?.lines ?? []).map((o) => ({ value: o.id, label: `${o.productName}${o.model ? ` · ${o.model}` : ''}` }))}
            data-testid="receipt-line-product"
          />
        ),
    },
    {
      title: t('receiving.fields.lot'),
      key: 'lot',
      render: (_: unknown, l) => <Input value={l.lot} style={{ width: 140 }} onChange={(e) => update(l.key, { lot: e.target.value })} data-testid="receipt-line-lot" />,
    },
    {
      title: t('receiving.fields.serials'),
      key: 'serials',
      render: (_: unknown, l) => (l.serials.length === 0 ? '—' : <Space wrap size={2}>{l.serials.slice(0, 10).map((s) => <Tag key={s}>{s}</Tag>)}{l.serials.length > 10 ? `+${l.serials.length - 10}` : null}</Space>),
    },
    {
      title: t('receiving.fields.expiry'),
      key: 'expiry',
      render: (_: unknown, l) => <Input type="date" value={l.expiry} style={{ width: 150 }} onChange={(e) => update(l.key, { expiry: e.target.value })} data-testid="receipt-line-expiry" />,
    },
    {
      title: t('receiving.fields.quantity'),
      key: 'quantity',
      render: (_: unknown, l) => (
        <Form.Item
          style={{ margin: 0 }}
          validateStatus={touched && !isQuantity(l.quantity) ? 'error' : undefined}
          help={touched && !isQuantity(l.quantity) ? t('receiving.validation.quantity') : undefined}
        >
          <Input
            value={l.quantity}
            style={{ width: 110 }}
            disabled={l.serials.length > 0}
            onChange={(e) => update(l.key, { quantity: e.target.value })}
            data-testid="receipt-line-quantity"
            data-lot={l.lot}
          />
        </Form.Item>
      ),
    },
    { title: t('receiving.fields.scans'), key: 'scans', align: 'right', render: (_: unknown, l) => l.scans.length },
    {
      title: '',
      key: 'remove',
      render: (_: unknown, l) => (
        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => setLines((prev) => prev.filter((x) => x.key !== l.key))} data-testid="receipt-line-remove">
          {t('receiving.scan.removeLine')}
        </Button>
      ),
    },
  ];

  const coldChainInput = (): ColdChain | undefined => {
    if (!showCold) return undefined;
    const departedAt = cold.departedAt ? new Date(cold.departedAt).toISOString() : '';
    const arrivedAt = cold.arrivedAt ? new Date(cold.arrivedAt).toISOString() : '';
    return {
      transportMode: cold.transportMode,
      departedAt,
      arrivedAt,
      arrivalTemperature: cold.arrivalTemperature ?? Number.NaN,
      readings: spreadReadings(cold.readings, departedAt, arrivedAt),
    };
  };

  const ready = !!orderId && !!deliveryNoteNo.trim() && !!delivererName.trim() && !!binId && lines.length > 0 && lines.every((l) => isQuantity(l.quantity) && (!!l.di || !!l.orderLineId));

  const save = async () => {
    setTouched(true);
    if (!ready || !orderId || !binId) return;
    const body: ReceiptInput = {
      purchaseOrderId: orderId,
      deliveryNoteNo: deliveryNoteNo.trim(),
      delivererName: delivererName.trim(),
      locationId: binId,
      ...(showCold ? { coldChain: coldChainInput() } : {}),
      lines: lines.map(lineInput),
    };
    const created = await create.mutateAsync(body);
    navigate(`/receiving/receipts/${created.id}`);
  };

  const required = (v: string) => (touched && !v.trim() ? { validateStatus: 'error' as const, help: t('receiving.validation.required') } : {});

  return (
    <Card className="page-card" data-testid="receipt-form">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('receiving.newReceipt')}
      </Typography.Title>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('receiving.fields.purchaseOrder')} required {...(touched && !orderId ? { validateStatus: 'error' as const, help: t('receiving.validation.required') } : {})}>
              <Select
                showSearch
                optionFilterProp="label"
                value={orderId}
                loading={orders.isLoading}
                onChange={(v) => setOrderId(v)}
                options={(orders.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.number} · ${o.supplierName}` }))}
                data-testid="receipt-po"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('receiving.fields.location')} required>
              <Select
                value={binId}
                onChange={(v) => setLocationId(v)}
                options={receivingBins.map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }))}
                data-testid="receipt-location"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('receiving.fields.deliveryNoteNo')} required {...required(deliveryNoteNo)}>
              <Input value={deliveryNoteNo} maxLength={60} onChange={(e) => setDeliveryNoteNo(e.target.value)} data-testid="receipt-delivery-note" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('receiving.fields.deliverer')} required {...required(delivererName)}>
              <Input value={delivererName} maxLength={60} onChange={(e) => setDelivererName(e.target.value)} data-testid="receipt-deliverer" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {order.data && (
        <Typography.Paragraph type="secondary" data-testid="receipt-po-lines">
          {order.data.lines.map((l) => `${l.productName} × ${l.quantity}`).join('；')}
        </Typography.Paragraph>
      )}

      <Card size="small" title={t('receiving.scan.title')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('receiving.scan.hint')}</Typography.Paragraph>
        <div data-testid="receipt-scan">
          <ScanField value={scanText} onChange={setScanText} onParsed={onParsed} />
        </div>
      </Card>

      {lines.length === 0 ? (
        <Empty description={t('receiving.scan.noLines')} data-testid="receipt-lines-empty" />
      ) : (
        <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={lines} data-testid="receipt-lines"
          onRow={(l) => ({ 'data-testid': 'receipt-line', 'data-lot': l.lot }) as React.HTMLAttributes<HTMLElement>} />
      )}
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => setLines((prev) => [...prev, { key: `line-${++seq.current}`, di: null, lot: '', serials: [], expiry: '', productionDate: '', quantity: '', scans: [], orderLineId: undefined }])}
        data-testid="receipt-line-add"
      >
        {t('receiving.scan.addLine')}
      </Button>

      <Card size="small" style={{ marginTop: 16 }} title={t('receiving.coldChain.title')} data-testid="receipt-coldchain">
        <Checkbox checked={showCold} disabled={coldRequired} onChange={(e) => setColdOn(e.target.checked)} data-testid="receipt-coldchain-toggle">
          {t('receiving.coldChain.toggle')}
        </Checkbox>
        <Typography.Paragraph type={coldRequired ? 'warning' : 'secondary'} style={{ marginTop: 8 }}>
          {t('receiving.coldChain.hint')}
        </Typography.Paragraph>
        {showCold && (
          <Form layout="vertical">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label={t('receiving.coldChain.transportMode')} required>
                  <Select
                    value={cold.transportMode}
                    onChange={(v) => setCold((c) => ({ ...c, transportMode: v }))}
                    options={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`receiving.coldChain.modes.${m}`) }))}
                    data-testid="coldchain-mode"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('receiving.coldChain.departedAt')} required>
                  <Input type="datetime-local" value={cold.departedAt} onChange={(e) => setCold((c) => ({ ...c, departedAt: e.target.value }))} data-testid="coldchain-departed" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('receiving.coldChain.arrivedAt')} required>
                  <Input type="datetime-local" value={cold.arrivedAt} onChange={(e) => setCold((c) => ({ ...c, arrivedAt: e.target.value }))} data-testid="coldchain-arrived" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('receiving.coldChain.arrivalTemperature')} required>
                  <InputNumber value={cold.arrivalTemperature} min={-80} max={80} step={0.1} style={{ width: '100%' }} onChange={(v) => setCold((c) => ({ ...c, arrivalTemperature: v ?? null }))} data-testid="coldchain-arrival-temp" />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item label={t('receiving.coldChain.readingCelsius')} required>
                  <Input value={cold.readings} placeholder="2.5, 3.1, 4.0" onChange={(e) => setCold((c) => ({ ...c, readings: e.target.value }))} data-testid="coldchain-readings" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        )}
      </Card>

      {create.error ? <ProblemAlert error={create.error} testId="receipt-error" style={{ marginTop: 16 }} /> : null}
      <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
        <Button onClick={() => navigate('/receiving/receipts')} data-testid="receipt-back">
          {t('common.cancel')}
        </Button>
        <Button type="primary" loading={create.isPending} onClick={() => void save().catch(() => undefined)} data-testid="receipt-save">
          {t('receiving.actions.save')}
        </Button>
      </Flex>
    </Card>
  );
}
