import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Flex, Input, Modal, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate, formatDateTime } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { QualityStatusTag } from '../inventory/InventoryTags.tsx';
import { trimDecimal } from '../inventory/model.ts';
import { REC_PERMS, useReceipt, useReceiptAction } from './api.ts';
import { FlagList, RecStatusTag } from './ReceivingTags.tsx';
import type { ReceiptLine } from './types.ts';

/** 收货单 detail: lines, the server's flags, 收货过账 and 作废; a posted receipt leads to its acceptance. */
export default function ReceiptDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const navigate = useNavigate();
  const receipt = useReceipt(id);
  const action = useReceiptAction(id ?? '');
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');

  if (receipt.isLoading) return <Spin />;
  if (receipt.error || !receipt.data) return <ProblemAlert error={receipt.error} />;
  const r = receipt.data;
  const allowed = r.allowedActions ?? [];

  const columns: TableColumnsType<ReceiptLine> = [
    { title: '#', dataIndex: 'lineNo', width: 48 },
    {
      title: t('receiving.fields.product'),
      key: 'product',
      render: (_: unknown, l) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{l.productName}</Typography.Text>
          <Typography.Text type="secondary">{[l.model, l.udiDi].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('receiving.fields.lot'), dataIndex: 'lot', render: (v: string) => <span data-testid="receipt-detail-lot">{v || '—'}</span> },
    { title: t('receiving.fields.serials'), key: 'serials', render: (_: unknown, l) => (l.serialCount > 0 ? `${l.serials.slice(0, 5).join(', ')}${l.serialCount > 5 ? ` … (${l.serialCount})` : ''}` : '—') },
    { title: t('receiving.fields.expiry'), dataIndex: 'expiry', render: (v: string | null) => formatDate(v) },
    { title: t('receiving.fields.quantity'), dataIndex: 'quantity', align: 'right', render: (v: string) => trimDecimal(v) },
    { title: t('receiving.fields.receivedStatus'), dataIndex: 'receivedStatus', render: (v: string) => (v ? <QualityStatusTag status={v} /> : '—') },
  ];

  const receive = async () => {
    await action.mutateAsync({ action: 'receive' });
    void message.success(t('receiving.actions.received'));
  };

  return (
    <Card className="page-card" data-testid="receipt-detail" data-status={r.status}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="receipt-number">
            {t('receiving.receiptTitle', { number: r.number })}
          </Typography.Title>
          <RecStatusTag status={r.status} testId="receipt-status" />
        </Space>
        <Space>
          {allowed.includes('receive') && (
            <Button type="primary" disabled={r.blocking} loading={action.isPending} onClick={() => void receive().catch(() => undefined)} data-testid="action-receive">
              {t('receiving.actions.receive')}
            </Button>
          )}
          {allowed.includes('cancel') && (
            <Button danger onClick={() => setCancelOpen(true)} data-testid="action-cancel">
              {t('receiving.actions.cancel')}
            </Button>
          )}
          {r.status === 'received' && can(REC_PERMS.acceptanceCreate) && (
            <Button type="primary" onClick={() => navigate(`/receiving/acceptances/new?receiptId=${encodeURIComponent(r.id)}`)} data-testid="receipt-accept">
              {t('receiving.actions.createAcceptance')}
            </Button>
          )}
        </Space>
      </Flex>
      {action.error ? <ProblemAlert error={action.error} testId="receipt-action-error" style={{ marginBottom: 12 }} /> : null}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}
        items={[
          { key: 'po', label: t('receiving.fields.purchaseOrder'), children: r.purchaseOrderNo },
          { key: 'supplier', label: t('receiving.fields.supplier'), children: r.supplierName },
          { key: 'dn', label: t('receiving.fields.deliveryNoteNo'), children: r.deliveryNoteNo },
          { key: 'deliverer', label: t('receiving.fields.deliverer'), children: r.delivererName },
          { key: 'receiver', label: t('receiving.fields.receiver'), children: r.receiverName },
          { key: 'date', label: t('receiving.fields.receiptDate'), children: formatDate(r.receiptDate) },
          ...(r.coldChain
            ? [
                { key: 'cc-mode', label: t('receiving.coldChain.transportMode'), children: t(`receiving.coldChain.modes.${r.coldChain.transportMode}`) },
                { key: 'cc-time', label: `${t('receiving.coldChain.departedAt')} → ${t('receiving.coldChain.arrivedAt')}`, children: `${formatDateTime(r.coldChain.departedAt)} → ${formatDateTime(r.coldChain.arrivedAt)}` },
                { key: 'cc-temp', label: t('receiving.coldChain.arrivalTemperature'), children: String(r.coldChain.arrivalTemperature) },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5}>{t('receiving.flags.title')}</Typography.Title>
      <div style={{ marginBottom: 16 }}>
        <FlagList flags={r.flags} />
      </div>
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={r.lines} data-testid="receipt-detail-lines" />
      <Modal
        open={cancelOpen}
        title={t('receiving.actions.cancel')}
        onCancel={() => setCancelOpen(false)}
        okButtonProps={{ disabled: !reason.trim(), loading: action.isPending, 'data-testid': 'cancel-confirm' } as React.ComponentProps<typeof Button>}
        onOk={async () => {
          await action.mutateAsync({ action: 'cancel', body: { reason: reason.trim() } });
          setCancelOpen(false);
        }}
        destroyOnHidden
      >
        <Input.TextArea value={reason} placeholder={t('receiving.actions.cancelReason')} onChange={(e) => setReason(e.target.value)} data-testid="cancel-reason" />
      </Modal>
    </Card>
  );
}
