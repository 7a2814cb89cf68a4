import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignatureDialog } from '../../platform/signature/SignatureDialog.tsx';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import { useAllProducts } from '../master-data/shared/pickers.ts';
import { useLocations, useStockCommand } from './api.ts';
import { MovementProblemAlert, QualityStatusTag } from './InventoryTags.tsx';
import { balanceKey, commonStatus, isMovableQuantity, isSignedQuantity, stockItems, trimDecimal } from './model.ts';
import { QUALITY_STATUSES, type Balance, type QualityStatus } from './types.ts';

type Dialog = 'hold' | 'release' | 'transfer' | 'adjust' | null;

/** Selected rows with an editable quantity each (default: the whole balance). */
function QuantityTable({ rows, quantities, onChange, testId }: { rows: Balance[]; quantities: Record<string, string>; onChange: (q: Record<string, string>) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<Balance>
      rowKey={balanceKey}
      size="small"
      pagination={false}
      dataSource={rows}
      style={{ marginBottom: 12 }}
      data-testid={`${testId}-items`}
      columns={[
        { title: t('inventory.fields.product'), dataIndex: 'productName', render: (v: string, r) => `${v} ${r.model ?? ''}` },
        { title: t('inventory.fields.lot'), dataIndex: 'lot', render: (v: string) => v || '—' },
        { title: t('inventory.fields.serial'), dataIndex: 'serial', render: (v: string) => v || '—' },
        { title: t('inventory.fields.location'), dataIndex: 'locationCode' },
        { title: t('common.status'), dataIndex: 'status', render: (v: string) => <QualityStatusTag status={v} /> },
        {
          title: t('inventory.fields.quantity'),
          key: 'qty',
          width: 140,
          render: (_: unknown, r, i) => {
            const key = balanceKey(r);
            const value = quantities[key] ?? trimDecimal(r.quantity);
            const ok = isMovableQuantity(value, r.quantity);
            return (
              <Input
                size="small"
                value={value}
                status={ok ? undefined : 'error'}
                disabled={!!r.serial}
                onChange={(e) => onChange({ ...quantities, [key]: e.target.value })}
                suffix={<Typography.Text type="secondary">/ {trimDecimal(r.quantity)}</Typography.Text>}
                data-testid={`${testId}-qty-${i}`}
              />
            );
          },
        },
      ]}
    />
  );
}

function quantitiesValid(rows: Balance[], quantities: Record<string, string>): boolean {
  return rows.every((r) => isMovableQuantity(quantities[balanceKey(r)] ?? trimDecimal(r.quantity), r.quantity));
}

/** Toolbar actions on the selected balances: hold (CN-INV-04), release ✍, transfer, stock-take adjustment ✍. */
export function StockActions({ selected, perms, onDone }: { selected: Balance[]; perms: { hold: boolean; release: boolean; transfer: boolean; adjust: boolean }; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const command = useStockCommand();
  const [dialog, setDialog] = useState<Dialog>(null);
  const status = commonStatus(selected);
  const canHold = selected.length > 0 && (status === 'released' || status === 'quarantine');
  const canRelease = selected.length > 0 && status === 'hold';
  const canTransfer = selected.length > 0 && status !== null;
  const close = () => setDialog(null);
  const done = (key: 'hold' | 'release' | 'transfer' | 'adjust') => {
    setDialog(null);
    onDone();
    void message.success(t(`inventory.done.${key}`));
  };

  return (
    <>
      <Space wrap data-testid="stock-actions">
        {perms.hold && (
          <Button danger disabled={!canHold} onClick={() => setDialog('hold')} data-testid="action-hold">
            {t('inventory.actions.hold')}
          </Button>
        )}
        {perms.release && (
          <Button type="primary" disabled={!canRelease} onClick={() => setDialog('release')} data-testid="action-release">
            {t('inventory.actions.release')}
          </Button>
        )}
        {perms.transfer && (
          <Button disabled={!canTransfer} onClick={() => setDialog('transfer')} data-testid="action-transfer">
            {t('inventory.actions.transfer')}
          </Button>
        )}
        {perms.adjust && (
          <Button onClick={() => setDialog('adjust')} data-testid="action-adjust">
            {t('inventory.actions.adjust')}
          </Button>
        )}
      </Space>

      <Modal open={dialog === 'hold'} title={t('inventory.actions.hold')} onCancel={close} footer={null} destroyOnHidden width={860}>
        <HoldForm
          rows={selected}
          onCancel={close}
          onSubmit={async (quantities, reason) => {
            await command.mutateAsync({ kind: 'hold', body: { items: stockItems(selected, quantities), from: status === 'quarantine' ? 'quarantine' : 'released', reason } });
            done('hold');
          }}
        />
      </Modal>
      <SignatureDialog
        open={dialog === 'release'}
        title={t('inventory.actions.release')}
        subject={
          <Space orientation="vertical" size={0}>
            {selected.map((r) => (
              <Typography.Text key={balanceKey(r)}>
                {r.productName} {r.lot || ''} {r.serial || ''} · {r.locationCode} · {trimDecimal(r.quantity)}
              </Typography.Text>
            ))}
          </Space>
        }
        meanings={['released', 'rejected']}
        reasonRequired
        onSubmit={async (payload: SignaturePayload) => {
          await command.mutateAsync({ kind: 'release', body: { items: stockItems(selected), ...payload } });
          done('release');
        }}
        onCancel={close}
      />
      <Modal open={dialog === 'transfer'} title={t('inventory.actions.transfer')} onCancel={close} footer={null} destroyOnHidden width={860}>
        {status ? (
          <TransferForm
            rows={selected}
            status={status}
            onCancel={close}
            onSubmit={async (quantities, toLocationId, reason) => {
              await command.mutateAsync({ kind: 'transfer', body: { items: stockItems(selected, quantities), status, toLocationId, ...(reason ? { reason } : {}) } });
              done('transfer');
            }}
          />
        ) : null}
      </Modal>
      <AdjustDialog open={dialog === 'adjust'} prefill={selected.length === 1 ? selected[0] : undefined} onCancel={close} onDone={() => done('adjust')} />
    </>
  );
}

function HoldForm({ rows, onSubmit, onCancel }: { rows: Balance[]; onSubmit: (q: Record<string, string>, reason: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { reason: string }) => {
    if (!quantitiesValid(rows, quantities)) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(quantities, v.reason.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('inventory.holdText')}</Typography.Paragraph>
      <QuantityTable rows={rows} quantities={quantities} onChange={setQuantities} testId="hold" />
      <Form layout="vertical" onFinish={(v: { reason: string }) => void submit(v)}>
        <Form.Item name="reason" label={t('inventory.holdReason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('inventory.holdReasonPlaceholder')} data-testid="hold-reason" />
        </Form.Item>
        {error ? <MovementProblemAlert error={error} testId="hold-error" style={{ marginBottom: 12 }} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} data-testid="hold-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" danger htmlType="submit" loading={busy} disabled={!quantitiesValid(rows, quantities)} data-testid="hold-confirm">
            {t('inventory.actions.hold')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

function TransferForm({
  rows,
  status,
  onSubmit,
  onCancel,
}: {
  rows: Balance[];
  status: QualityStatus;
  onSubmit: (q: Record<string, string>, toLocationId: string, reason: string | undefined) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locations = useLocations();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { toLocationId: string; reason?: string }) => {
    if (!quantitiesValid(rows, quantities)) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(quantities, v.toLocationId, v.reason?.trim() || undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const options = (locations.data?.items ?? [])
    .filter((l) => l.active)
    .map((l) => ({
      value: l.id,
      label: `${l.code} ${l.name}`,
      accepts: l.statuses.includes(status),
    }))
    .sort((a, b) => Number(b.accepts) - Number(a.accepts));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('inventory.transferText')}</Typography.Paragraph>
      <QuantityTable rows={rows} quantities={quantities} onChange={setQuantities} testId="transfer" />
      <Form layout="vertical" onFinish={(v: { toLocationId: string; reason?: string }) => void submit(v)}>
        <Form.Item name="toLocationId" label={t('inventory.toLocation')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('inventory.toLocation') }) }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={locations.isPending}
            options={options.map((o) => ({ value: o.value, label: o.accepts ? o.label : `${o.label}（${t('inventory.locationNotForStatus')}）` }))}
            data-testid="transfer-to"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('common.reasonOptionalPlaceholder')} data-testid="transfer-reason" />
        </Form.Item>
        {error ? <MovementProblemAlert error={error} testId="transfer-error" style={{ marginBottom: 12 }} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} data-testid="transfer-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!quantitiesValid(rows, quantities)} data-testid="transfer-confirm">
            {t('inventory.actions.transfer')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

interface AdjustValues {
  cause: string;
  productId: string;
  lot?: string;
  serial?: string;
  expiry?: string | null;
  locationId: string;
  status: QualityStatus;
  quantity: string;
}

/** Stock-take variance (CN-INV-05): counted minus booked, with its cause, then the signed approval. */
function AdjustDialog({ open, prefill, onCancel, onDone }: { open: boolean; prefill?: Balance; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AdjustValues>();
  const [pending, setPending] = useState<AdjustValues | null>(null);
  const products = useAllProducts(open);
  const locations = useLocations(open);
  const command = useStockCommand();

  const next = async () => {
    try {
      setPending(await form.validateFields());
    } catch {
      /* field errors shown */
    }
  };
  return (
    <>
      <Modal open={open && !pending} title={t('inventory.actions.adjust')} onCancel={onCancel} destroyOnHidden width={760} onOk={() => void next()} okText={t('inventory.adjustNext')} okButtonProps={{ 'data-testid': 'adjust-next' }}>
        <Typography.Paragraph type="secondary">{t('inventory.adjustText')}</Typography.Paragraph>
        <Form<AdjustValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            prefill
              ? { productId: prefill.productId, lot: prefill.lot, serial: prefill.serial, expiry: prefill.expiry, locationId: prefill.locationId, status: prefill.status }
              : { status: 'released' }
          }
        >
          <Form.Item name="cause" label={t('inventory.adjustCause')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('inventory.adjustCause') }) }]}>
            <Input maxLength={500} data-testid="adjust-cause" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="productId" label={t('inventory.fields.product')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('inventory.fields.product') }) }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.model ?? ''} · ${p.number}` }))}
                  data-testid="adjust-product"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="locationId" label={t('inventory.fields.location')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('inventory.fields.location') }) }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))} data-testid="adjust-location" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="lot" label={t('inventory.fields.lot')}>
                <Input maxLength={20} data-testid="adjust-lot" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="serial" label={t('inventory.fields.serial')}>
                <Input maxLength={20} data-testid="adjust-serial" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="expiry"
                label={t('inventory.fields.expiry')}
                getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
                normalize={(v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null)}
              >
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="adjust-expiry" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="status" label={t('common.status')} rules={[{ required: true }]}>
                <Select options={QUALITY_STATUSES.map((s) => ({ value: s, label: t(`inventory.status.${s}`) }))} data-testid="adjust-status" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="quantity"
                label={t('inventory.adjustQuantity')}
                extra={t('inventory.adjustQuantityHelp')}
                rules={[
                  {
                    validator: async (_, v: string | undefined) => {
                      if (!v || !isSignedQuantity(v)) throw new Error(t('inventory.validation.signedQuantity'));
                    },
                  },
                ]}
              >
                <Input inputMode="decimal" placeholder="-1" data-testid="adjust-quantity" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
      <SignatureDialog
        open={open && !!pending}
        title={t('inventory.actions.adjust')}
        subject={pending ? <Typography.Text>{`${pending.cause} · ${pending.quantity}`}</Typography.Text> : null}
        meanings={['approved']}
        reasonRequired
        onCancel={() => setPending(null)}
        onSubmit={async (payload) => {
          const v = pending!;
          await command.mutateAsync({
            kind: 'adjust',
            body: {
              cause: v.cause.trim(),
              lines: [
                {
                  productId: v.productId,
                  lot: (v.lot ?? '').trim(),
                  serial: (v.serial ?? '').trim(),
                  expiry: v.expiry ?? null,
                  locationId: v.locationId,
                  status: v.status,
                  quantity: v.quantity.trim(),
                },
              ],
              ...payload,
            },
          });
          setPending(null);
          onDone();
        }}
      />
    </>
  );
}
