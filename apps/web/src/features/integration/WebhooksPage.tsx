import { useState } from 'react';
import { App, Alert, Button, Card, Flex, Form, Input, Modal, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ApiOutlined, PlusOutlined, RedoOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDateTime } from '../../platform/format/format.ts';
import { PERMS } from '../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { ReasonDialog } from '../../platform/reason/ReasonDialog.tsx';
import { DELIVERY_STATUSES, deliveryStatusColor, type DeliveryStatus } from '../../platform/status/status.ts';
import { applyServerErrors } from '../master-data/shared/formSupport.tsx';
import {
  canRetry,
  isValidWebhookUrl,
  KNOWN_EVENT_TYPES,
  useCreateWebhook,
  useDeactivateWebhook,
  useDeliveries,
  useRetryDelivery,
  useWebhooks,
  type CreatedWebhook,
  type Delivery,
  type Webhook,
} from './api.ts';

interface CreateValues {
  url: string;
  events: string[];
  reason: string;
}

function CreateWebhookModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (w: CreatedWebhook) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateWebhook();
  const [error, setError] = useState<unknown>(null);
  const [other, setOther] = useState<Array<{ path: string; message: string }>>([]);

  const ok = async () => {
    let v: CreateValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      const created = await create.mutateAsync({ url: v.url.trim(), events: v.events, reason: v.reason.trim() });
      onCreated(created);
    } catch (err) {
      setError(err);
      setOther(applyServerErrors(form, err, ['url', 'events', 'reason']));
    }
  };

  return (
    <Modal
      open={open}
      title={t('integration.createTitle')}
      onOk={ok}
      onCancel={onClose}
      afterClose={() => {
        setError(null);
        setOther([]);
      }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'webhook-form-submit' }}
    >
      <Form<CreateValues> form={form} layout="vertical" preserve={false} initialValues={{ events: [] }}>
        <Form.Item
          name="url"
          label={t('integration.url')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('integration.url') }) },
            { validator: async (_, v?: string) => { if (v && !isValidWebhookUrl(v.trim())) throw new Error(t('validation.url')); } },
          ]}
        >
          <Input placeholder="https://erp.example.com/hooks/custodia" data-testid="webhook-form-url" />
        </Form.Item>
        <Form.Item name="events" label={t('integration.events')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.atLeastOne') }]}>
          <Select mode="tags" placeholder={t('integration.eventsPlaceholder')} options={KNOWN_EVENT_TYPES.map((e) => ({ value: e, label: e }))} data-testid="webhook-form-events" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={2} placeholder={t('common.reasonPlaceholder')} data-testid="webhook-form-reason" />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} extraErrors={other} testId="webhook-form-error" /> : null}
    </Modal>
  );
}

function SecretModal({ webhook, onClose }: { webhook: CreatedWebhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!webhook}
      title={t('integration.secretTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('integration.secretSaved')}
      footer={(_, { OkBtn }) => <OkBtn />}
      mask={{ closable: false }}
      keyboard={false}
      closable={false}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'webhook-secret-ack' }}
    >
      <Alert type="warning" showIcon title={t('integration.secretText')} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{webhook?.url}</Typography.Text>
      <div className="secret-box">
        <Typography.Text strong>{t('integration.secret')}</Typography.Text>
        <Typography.Paragraph copyable={{ text: webhook?.secret }} code style={{ marginTop: 8, wordBreak: 'break-all' }} data-testid="webhook-secret">
          {webhook?.secret}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}

function EndpointsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const hooks = useWebhooks();
  const deactivate = useDeactivateWebhook();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<CreatedWebhook | null>(null);
  const [target, setTarget] = useState<Webhook | null>(null);
  const canDeactivate = can(PERMS.webhookDeactivate);

  return (
    <>
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void hooks.refetch()} loading={hooks.isFetching}>
          {t('common.refresh')}
        </Button>
        {can(PERMS.webhookCreate) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-new">
            {t('integration.newWebhook')}
          </Button>
        )}
      </Flex>
      {hooks.isError && <ProblemAlert error={hooks.error} style={{ marginBottom: 12 }} />}
      <Table<Webhook>
        rowKey="id"
        loading={hooks.isPending}
        dataSource={hooks.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="webhooks-table"
        columns={[
          { title: t('integration.url'), dataIndex: 'url', render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
          {
            title: t('integration.events'),
            dataIndex: 'events',
            render: (ev: string[]) => (
              <Flex gap={4} wrap style={{ maxWidth: 420 }}>
                {ev.map((e) => (
                  <Tag key={e}>{e}</Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('integration.active'), dataIndex: 'active', render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{v ? t('common.active') : t('common.inactive')}</Tag> },
          { title: t('integration.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          ...(canDeactivate
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, w: Webhook) =>
                    w.active ? (
                      <Button size="small" danger icon={<StopOutlined />} onClick={() => setTarget(w)} data-testid={`webhook-deactivate-${w.id}`}>
                        {t('integration.deactivate')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <CreateWebhookModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(w) => {
          setCreating(false);
          setSecret(w);
        }}
      />
      <SecretModal webhook={secret} onClose={() => setSecret(null)} />
      <ReasonDialog
        open={!!target}
        title={t('integration.deactivateTitle')}
        text={t('integration.deactivateText', { url: target?.url ?? '' })}
        okText={t('integration.deactivate')}
        danger
        testId="webhook-deactivate"
        onCancel={() => setTarget(null)}
        onSubmit={async (reason) => {
          await deactivate.mutateAsync({ id: target!.id, reason });
          setTarget(null);
          void message.success(t('integration.deactivated'));
        }}
      />
    </>
  );
}

function DeliveriesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('dead');
  const deliveries = useDeliveries(status === 'all' ? undefined : status);
  const retry = useRetryDelivery();
  const [target, setTarget] = useState<Delivery | null>(null);
  const canRetryAny = can(PERMS.deliveryRetry);

  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<DeliveryStatus | 'all'>
          value={status}
          onChange={setStatus}
          data-testid="delivery-status-filter"
          options={[
            ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`integration.deliveryStatus.${s}`) })),
            { value: 'all' as const, label: t('common.all') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void deliveries.refetch()} loading={deliveries.isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {deliveries.isError && <ProblemAlert error={deliveries.error} style={{ marginBottom: 12 }} />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={deliveries.isPending}
        dataSource={deliveries.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="deliveries-table"
        columns={[
          { title: t('integration.eventType'), dataIndex: 'eventType', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('integration.url'), dataIndex: 'url', ellipsis: true },
          { title: t('common.status'), dataIndex: 'status', render: (s: DeliveryStatus) => <Tag color={deliveryStatusColor(s)}>{t(`integration.deliveryStatus.${s}`)}</Tag> },
          { title: t('integration.attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('integration.lastError'), dataIndex: 'lastError', render: (v: string | null) => (v ? <Typography.Text type="danger" ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>{v}</Typography.Text> : '—') },
          { title: t('integration.nextAttemptAt'), dataIndex: 'nextAttemptAt', render: (v: string | null) => formatDateTime(v) },
          { title: t('integration.deliveredAt'), dataIndex: 'deliveredAt', render: (v: string | null) => formatDateTime(v) },
          ...(canRetryAny
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, d: Delivery) =>
                    canRetry(d) ? (
                      <Button size="small" icon={<RedoOutlined />} onClick={() => setTarget(d)} data-testid={`delivery-retry-${d.id}`}>
                        {t('integration.retry')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <ReasonDialog
        open={!!target}
        title={t('integration.retryTitle')}
        text={t('integration.retryText', { event: target?.eventType ?? '', url: target?.url ?? '' })}
        okText={t('integration.retry')}
        testId="delivery-retry"
        onCancel={() => setTarget(null)}
        onSubmit={async (reason) => {
          await retry.mutateAsync({ id: target!.id, reason });
          setTarget(null);
          void message.success(t('integration.retried'));
        }}
      />
    </>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation();
  return (
    <Card className="page-card" data-testid="webhooks-page">
      <Space align="start" style={{ marginBottom: 8 }}>
        <ApiOutlined style={{ fontSize: 22, color: '#1677ff', marginTop: 4 }} />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('integration.webhooksTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('integration.webhooksIntro')}</Typography.Text>
        </div>
      </Space>
      <Tabs
        items={[
          { key: 'endpoints', label: <span data-testid="tab-endpoints">{t('integration.endpoints')}</span>, children: <EndpointsTab /> },
          { key: 'deliveries', label: <span data-testid="tab-deliveries">{t('integration.deliveries')}</span>, children: <DeliveriesTab /> },
        ]}
      />
    </Card>
  );
}
