import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, Modal, Row, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { mapFieldErrors, toProblem } from '../../platform/api/problem.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { INV_PERMS, useCreateLocation, useLocations, type LocationInput } from './api.ts';
import { QualityStatusTag } from './InventoryTags.tsx';
import { QUALITY_STATUSES, ZONES, type StockLocation } from './types.ts';

const range = (min: string | null, max: string | null, unit: string) => (min == null && max == null ? '—' : `${min ?? '…'} ~ ${max ?? '…'} ${unit}`);

/** 货位: bins with their zone, the quality statuses they may hold (CN-INV-01) and the conditions they keep (CN-INV-06). */
export default function LocationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useLocations();
  const [open, setOpen] = useState(false);

  const columns: TableColumnsType<StockLocation> = [
    { title: t('inventory.location.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code data-testid="location-code">{v}</Typography.Text> },
    { title: t('inventory.location.name'), dataIndex: 'name' },
    { title: t('inventory.location.warehouse'), dataIndex: 'warehouseCode' },
    { title: t('inventory.location.zone'), dataIndex: 'zone', render: (v: string) => <Tag>{(ZONES as readonly string[]).includes(v) ? t(`inventory.zone.${v as 'storage'}`) : v}</Tag> },
    {
      title: t('inventory.location.statuses'),
      dataIndex: 'statuses',
      render: (v: string[]) => (
        <Space size={[0, 4]} wrap>
          {v.map((s) => (
            <QualityStatusTag key={s} status={s} />
          ))}
        </Space>
      ),
    },
    { title: t('inventory.location.temperature'), key: 'temp', render: (_: unknown, r) => range(r.tempMin, r.tempMax, '℃') },
    { title: t('inventory.location.humidity'), key: 'hum', render: (_: unknown, r) => range(r.humidityMin, r.humidityMax, '%RH') },
    { title: t('inventory.location.lightProtected'), dataIndex: 'lightProtected', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    { title: t('inventory.location.active'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
  ];

  return (
    <Card className="page-card" data-testid="location-list">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('inventory.locationsTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('inventory.locationsIntro')}</Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('common.refresh')}
          </Button>
          {can(INV_PERMS.locationCreate) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="location-new">
              {t('inventory.location.new')}
            </Button>
          )}
        </Space>
      </Flex>
      {list.isError && <ProblemAlert error={list.error} testId="location-error" style={{ marginBottom: 16 }} />}
      <Table<StockLocation> rowKey="id" size="middle" loading={list.isPending} columns={columns} dataSource={list.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }} />
      <Modal open={open} title={t('inventory.location.new')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden width={720}>
        <LocationForm warehouses={[...new Map((list.data?.items ?? []).map((l) => [l.warehouseId, l.warehouseCode])).entries()]} onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
      </Modal>
    </Card>
  );
}

interface LocationFormValues {
  warehouseId: string;
  code: string;
  name: string;
  zone: LocationInput['zone'];
  statuses: LocationInput['statuses'];
  tempMin?: string;
  tempMax?: string;
  humidityMin?: string;
  humidityMax?: string;
  lightProtected?: boolean;
  reason?: string;
}

const FIELDS = ['warehouseId', 'code', 'name', 'zone', 'statuses', 'tempMin', 'tempMax', 'humidityMin', 'humidityMax', 'lightProtected', 'reason'];
const num = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

function LocationForm({ warehouses, onDone, onCancel }: { warehouses: Array<[string, string]>; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LocationFormValues>();
  const create = useCreateLocation();
  const [error, setError] = useState<unknown>(null);
  const decimal = { pattern: /^-?\d{1,3}(\.\d)?$/, message: t('inventory.validation.condition') };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('validation.required', { field }) }];

  const submit = async (v: LocationFormValues) => {
    setError(null);
    try {
      await create.mutateAsync({
        warehouseId: v.warehouseId,
        code: v.code.trim(),
        name: v.name.trim(),
        zone: v.zone,
        statuses: v.statuses,
        tempMin: num(v.tempMin),
        tempMax: num(v.tempMax),
        humidityMin: num(v.humidityMin),
        humidityMax: num(v.humidityMax),
        lightProtected: !!v.lightProtected,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      void message.success(t('inventory.done.location'));
      onDone();
    } catch (err) {
      const mapped = mapFieldErrors(toProblem(err), FIELDS);
      if (mapped.fields.length) form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
      setError(err);
    }
  };

  return (
    <Form<LocationFormValues> form={form} layout="vertical" initialValues={{ warehouseId: warehouses[0]?.[0], statuses: ['released'], zone: 'storage' }} onFinish={(v) => void submit(v)}>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="warehouseId" label={t('inventory.location.warehouse')} rules={[{ required: true }]}>
            <Select options={warehouses.map(([id, code]) => ({ value: id, label: code }))} data-testid="location-form-warehouse" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label={t('inventory.location.code')} rules={required(t('inventory.location.code'))}>
            <Input maxLength={40} data-testid="location-form-code" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="zone" label={t('inventory.location.zone')} rules={[{ required: true }]}>
            <Select options={ZONES.map((z) => ({ value: z, label: t(`inventory.zone.${z}`) }))} data-testid="location-form-zone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('inventory.location.name')} rules={required(t('inventory.location.name'))}>
        <Input maxLength={100} data-testid="location-form-name" />
      </Form.Item>
      <Form.Item name="statuses" label={t('inventory.location.statuses')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('inventory.location.statuses') }) }]}>
        <Checkbox.Group options={QUALITY_STATUSES.map((s) => ({ value: s, label: t(`inventory.status.${s}`) }))} data-testid="location-form-statuses" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="tempMin" label={t('inventory.location.tempMin')} rules={[decimal]}>
            <Input suffix="℃" data-testid="location-form-tempMin" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="tempMax" label={t('inventory.location.tempMax')} rules={[decimal]}>
            <Input suffix="℃" data-testid="location-form-tempMax" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="humidityMin" label={t('inventory.location.humidityMin')} rules={[decimal]}>
            <Input suffix="%" data-testid="location-form-humidityMin" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="humidityMax" label={t('inventory.location.humidityMax')} rules={[decimal]}>
            <Input suffix="%" data-testid="location-form-humidityMax" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="lightProtected" label={t('inventory.location.lightProtected')} valuePropName="checked">
        <Switch data-testid="location-form-lightProtected" />
      </Form.Item>
      <Form.Item name="reason" label={t('common.reason')}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('common.reasonOptionalPlaceholder')} data-testid="location-form-reason" />
      </Form.Item>
      {error ? <ProblemAlert error={error} testId="location-form-error" style={{ marginBottom: 12 }} /> : null}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="location-form-submit">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
