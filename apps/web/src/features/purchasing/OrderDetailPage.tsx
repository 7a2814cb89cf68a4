import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Form, Input, Modal, Progress, Result, Skeleton, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import {
  ArrowLeftOutlined,
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  FileDoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AuditHistoryPanel } from '../../platform/audit/AuditHistoryPanel.tsx';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { isApiError } from '../../platform/api/problem.ts';
import { formatDate, formatDateTime } from '../../platform/format/format.ts';
import { PERMS } from '../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { ReasonDialog } from '../../platform/reason/ReasonDialog.tsx';
import { SignatureDialog } from '../../platform/signature/SignatureDialog.tsx';
import { SignatureManifest } from '../../platform/signature/SignatureManifest.tsx';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import { useRoleName } from '../identity/useRoleName.ts';
import { PUR_PERMS, useOrder, useOrderAction, type OrderActionRequest } from './api.ts';
import { Money, OrderStatusTag } from './PurchasingTags.tsx';
import { QualificationBlockAlert } from './QualificationBlockAlert.tsx';
import { ORDER_ACTIONS, PURCHASE_ORDER_AUDIT_TABLE, type OrderAction, type OrderLine, type PurchaseOrderDetail } from './types.ts';

const ICONS: Record<OrderAction, React.ReactNode> = {
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  reject: <CloseOutlined />,
  close: <FileDoneOutlined />,
  cancel: <StopOutlined />,
};

/** The F-CN-3 snapshot columns of the order lines, copied at order time. */
export function useLineColumns(): TableColumnsType<OrderLine> {
  const { t } = useTranslation();
  return [
    { title: '#', dataIndex: 'lineNo', width: 48 },
    { title: t('purchasing.line.productName'), dataIndex: 'productName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('purchasing.line.model'), dataIndex: 'model', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.registrant'), dataIndex: 'registrant', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.registrationNo'), dataIndex: 'registrationNo', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.deviceClass'), dataIndex: 'deviceClass', render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') },
    { title: t('purchasing.line.unit'), dataIndex: 'unit', render: (v: string | null) => v || '—' },
    { title: t('purchasing.line.quantity'), dataIndex: 'quantity', align: 'right', render: (v: string) => <span data-testid="line-quantity">{v}</span> },
    { title: t('purchasing.line.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (v: string) => <Money value={v} /> },
    { title: t('purchasing.line.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money value={v} testId="line-amount" /> },
  ];
}

/** 采购订单 detail: header, F-CN-3 lines, totals, clauses, 直调, approval progress, signatures, actions, audit trail. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const q = useOrder(id);
  const [tab, setTab] = useState('details');
  const lineColumns = useLineColumns();

  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (q.isError || !q.data) {
    if (isApiError(q.error) && q.error.status === 404) {
      return <Result status="404" title={t('errors.notFound')} extra={<Button onClick={() => navigate('/purchasing/orders')}>{t('common.back')}</Button>} />;
    }
    return <ProblemAlert error={q.error} testId="order-load-error" />;
  }
  const order = q.data;

  return (
    <div data-testid="order-detail" data-record-id={order.id} data-status={order.status}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: t('menu.purchasing') }, { title: <Link to="/purchasing/orders">{t('menu.purchaseOrders')}</Link> }, { title: order.number }]}
      />
      <Card className="page-card">
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Space align="start" size={12}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/purchasing/orders')} aria-label={t('common.back')} data-testid="back" />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-title">
                {t('purchasing.orderTitle')}
                {t('common.colon')}
                {order.supplierName}
              </Typography.Title>
              <Space size={8} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" copyable={{ text: order.number }} data-testid="order-number">
                  {order.number}
                </Typography.Text>
                <OrderStatusTag status={order.status} testId="order-status" />
                {order.direct && <Tag color="volcano">{t('purchasing.directShort')}</Tag>}
              </Space>
            </div>
          </Space>
          <Space wrap>
            {order.allowedActions.includes('update') && can(PUR_PERMS.orderUpdate) && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/purchasing/orders/${order.id}/edit`)} data-testid="action-update">
                {t('common.edit')}
              </Button>
            )}
            <OrderActions order={order} />
          </Space>
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 4, xxl: 4 }}
          items={[
            { key: 'supplier', label: t('purchasing.fields.supplier'), children: <Link to={`/master-data/parties/${order.supplierId}`}>{order.supplierName}</Link> },
            { key: 'address', label: t('purchasing.fields.supplierAddress'), children: order.supplierAddress || '—' },
            { key: 'contact', label: t('purchasing.fields.supplierContact'), children: [order.supplierContact, order.supplierPhone].filter(Boolean).join(' ') || '—' },
            { key: 'orderDate', label: t('purchasing.fields.orderDate'), children: formatDate(order.orderDate) },
            { key: 'expected', label: t('purchasing.fields.expectedDeliveryDate'), children: formatDate(order.expectedDeliveryDate) },
            { key: 'currency', label: t('purchasing.fields.currency'), children: order.currency },
            { key: 'createdBy', label: t('common.createdBy'), children: order.createdBy?.displayName ?? '—' },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(order.createdAt) },
            { key: 'submittedAt', label: t('purchasing.fields.submittedAt'), children: formatDateTime(order.submittedAt) },
            { key: 'approvedAt', label: t('purchasing.fields.approvedAt'), children: formatDateTime(order.approvedAt) },
            ...(order.closedAt ? [{ key: 'closedAt', label: t('purchasing.fields.closedAt'), children: formatDateTime(order.closedAt) }] : []),
            ...(order.cancelledAt
              ? [
                  { key: 'cancelledAt', label: t('purchasing.fields.cancelledAt'), children: formatDateTime(order.cancelledAt) },
                  { key: 'cancelReason', label: t('purchasing.fields.cancelReason'), children: order.cancelReason || '—' },
                ]
              : []),
          ]}
        />
      </Card>

      {order.status === 'rejected' && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('purchasing.rejectedHint')} />}
      {order.status === 'approved' && <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('purchasing.approvedHint')} data-testid="order-approved-hint" />}

      <Card className="page-card" style={{ marginTop: 16 }} size="small" title={t('purchasing.linesTitle')} data-testid="order-lines">
        <Table<OrderLine>
          rowKey="id"
          size="small"
          pagination={false}
          columns={lineColumns}
          dataSource={order.lines}
          scroll={{ x: 'max-content' }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={lineColumns.length - 1} align="right">
                <Typography.Text strong>{t('purchasing.fields.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>
                  <Money value={order.total} testId="order-total" />
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>

      <Flex gap={16} wrap style={{ marginTop: 16 }}>
        <Card className="page-card" size="small" style={{ flex: '1 1 420px' }} title={t('purchasing.approvalTitle')} data-testid="approval-progress">
          {order.approvalProgress.length === 0 ? (
            <Typography.Text type="secondary">{t('purchasing.approvalNone')}</Typography.Text>
          ) : (
            <ApprovalProgressList order={order} />
          )}
        </Card>
        <Card
          className="page-card"
          size="small"
          style={{ flex: '1 1 420px' }}
          title={
            <Space>
              <SafetyCertificateOutlined />
              {t('signature.manifestTitle')}
            </Space>
          }
          data-testid="order-signatures"
        >
          <SignatureManifest signatures={order.signatures ?? []} />
        </Card>
      </Flex>

      <Card className="page-card" style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'details',
              label: (
                <span data-testid="tab-details">
                  <ProfileOutlined /> {t('purchasing.clausesTitle')}
                </span>
              ),
              children: (
                <Descriptions
                  bordered
                  size="small"
                  column={1}
                  styles={{ label: { width: 200 } }}
                  items={[
                    { key: 'quality', label: t('purchasing.fields.qualityClause'), children: <span data-testid="order-quality-clause" style={{ whiteSpace: 'pre-wrap' }}>{order.qualityClause}</span> },
                    { key: 'afterSales', label: t('purchasing.fields.afterSalesClause'), children: <span data-testid="order-after-sales-clause" style={{ whiteSpace: 'pre-wrap' }}>{order.afterSalesClause}</span> },
                    { key: 'note', label: t('purchasing.fields.note'), children: order.note || '—' },
                    { key: 'direct', label: t('purchasing.fields.direct'), children: order.direct ? t('common.yes') : t('common.no') },
                    ...(order.direct
                      ? [
                          {
                            key: 'directReason',
                            label: t('purchasing.fields.directReason'),
                            children: <span data-testid="order-direct-reason">{order.directReason ? t(`purchasing.directReason.${order.directReason}`) : '—'}</span>,
                          },
                          { key: 'directNote', label: t('purchasing.fields.directNote'), children: order.directNote || '—' },
                          { key: 'directCustomer', label: t('purchasing.fields.directCustomer'), children: order.directCustomerName || '—' },
                        ]
                      : []),
                  ]}
                />
              ),
            },
            ...(can(PERMS.auditHistoryRead)
              ? [
                  {
                    key: 'audit',
                    label: (
                      <span data-testid="tab-audit">
                        <AuditOutlined /> {t('audit.tab')}
                      </span>
                    ),
                    children: <AuditHistoryPanel table={PURCHASE_ORDER_AUDIT_TABLE} id={order.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}

function ApprovalProgressList({ order }: { order: PurchaseOrderDetail }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (
    <Flex vertical gap={8}>
      {order.approvalProgress.map((p) => (
        <div key={p.rule} data-testid="approval-rule" data-rule={p.rule} data-given={p.given} data-required={p.required}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Space wrap size={4}>
              <Typography.Text strong>{roleName(p.role)}</Typography.Text>
              <Typography.Text type="secondary" code>
                {p.rule}
              </Typography.Text>
              {p.requirements.map((r) => (
                <Tag key={r} color="blue">
                  {r}
                </Tag>
              ))}
            </Space>
            <Typography.Text>{t('purchasing.approvalCount', { given: p.given, required: p.required })}</Typography.Text>
          </Flex>
          <Progress percent={p.required > 0 ? Math.round((Math.min(p.given, p.required) / p.required) * 100) : 100} size="small" showInfo={false} />
        </div>
      ))}
    </Flex>
  );
}

/** Buttons for the order's `allowedActions`: submit, approve ✍, reject ✍, close, cancel. */
function OrderActions({ order }: { order: PurchaseOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order.id);
  const [dialog, setDialog] = useState<OrderAction | null>(null);
  const allowed = ORDER_ACTIONS.filter((a) => order.allowedActions.includes(a));
  const subject = (
    <Space>
      <Typography.Text code>{order.number}</Typography.Text>
      <Typography.Text strong>{order.supplierName}</Typography.Text>
      <Money value={order.total} />
    </Space>
  );

  const run = async (req: OrderActionRequest) => {
    const result = await action.mutateAsync(req);
    setDialog(null);
    if (req.action === 'approve' && result && result.status !== 'approved') {
      const open = result.approvalProgress.find((p) => p.given < p.required);
      void message.info(open ? t('purchasing.done.approvalGiven', { given: open.given, required: open.required }) : t('purchasing.done.approve'));
    } else {
      void message.success(t(`purchasing.done.${req.action}`));
    }
  };
  const sign = (a: 'approve' | 'reject') => (payload: SignaturePayload) => run({ action: a, body: payload });

  if (allowed.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="record-actions">
        {allowed.map((a) => (
          <Button
            key={a}
            data-testid={`action-${a}`}
            icon={ICONS[a]}
            type={a === 'approve' || a === 'submit' ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'cancel'}
            onClick={() => setDialog(a)}
          >
            {t(`purchasing.actions.${a}`)}
          </Button>
        ))}
      </Space>

      <Modal open={dialog === 'submit' || dialog === 'close'} title={dialog ? t(`purchasing.actions.${dialog}`) : ''} onCancel={() => setDialog(null)} footer={null} destroyOnHidden width={600}>
        {dialog === 'submit' || dialog === 'close' ? (
          <OptionalReasonForm
            action={dialog}
            text={t(dialog === 'submit' ? 'purchasing.submitConfirm' : 'purchasing.closeConfirm')}
            onCancel={() => setDialog(null)}
            onSubmit={(reason) => run({ action: dialog, body: reason ? { reason } : {} })}
          />
        ) : null}
      </Modal>
      <SignatureDialog open={dialog === 'approve'} title={t('purchasing.actions.approve')} subject={subject} meanings={['approved']} onSubmit={sign('approve')} onCancel={() => setDialog(null)} />
      <SignatureDialog
        open={dialog === 'reject'}
        title={t('purchasing.actions.reject')}
        subject={subject}
        meanings={['rejected']}
        reasonRequired
        onSubmit={sign('reject')}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'cancel'}
        title={t('purchasing.actions.cancel')}
        text={t('purchasing.cancelText')}
        danger
        okText={t('purchasing.actions.cancel')}
        testId="cancel"
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => run({ action: 'cancel', body: { reason } })}
      />
    </>
  );
}

/** Confirmation with an optional reason; a 422 QUALIFICATION_BLOCKED lists its reasons. */
function OptionalReasonForm({ action, text, onSubmit, onCancel }: { action: 'submit' | 'close'; text: string; onSubmit: (reason: string | undefined) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { reason?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values.reason?.trim() || undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
      <Form layout="vertical" onFinish={(v: { reason?: string }) => void submit(v)}>
        <Form.Item name="reason" label={t('common.reason')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('common.reasonOptionalPlaceholder')} data-testid={`${action}-reason`} />
        </Form.Item>
        {error ? <QualificationBlockAlert error={error} testId={`${action}-error`} style={{ marginBottom: 12 }} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} data-testid={`${action}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid={`${action}-confirm`}>
            {t(`purchasing.actions.${action}`)}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
