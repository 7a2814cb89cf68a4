import { useState } from 'react';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { FileLink } from '../../../platform/files/FileView.tsx';
import { FileUpload } from '../../../platform/files/FileUpload.tsx';
import { formatDate } from '../../../platform/format/format.ts';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { ReasonDialog } from '../../../platform/reason/ReasonDialog.tsx';
import { applyServerErrors } from '../shared/formSupport.tsx';
import { expiryOf, sameValue } from '../../qualification/model.ts';
import { useBusinessToday } from '../../qualification/api.ts';
import { ExpiryBadge } from '../../qualification/QualificationTags.tsx';
import { useLicenceMutations, useLicences } from './api.ts';
import { LICENCE_TYPES, type Licence, type LicenceInput, type LicenceType } from './types.ts';

interface LicenceFormValues {
  type: LicenceType;
  number: string;
  issuer: string;
  scope: string[];
  validity: [Dayjs | null, Dayjs | null] | null;
  fileId?: string | null;
  reason?: string;
}

const CATEGORY = /^\d{2}(-\d{2}){0,2}$/;

export function licenceFormToInput(v: LicenceFormValues): LicenceInput {
  return {
    type: v.type,
    number: v.number.trim(),
    issuer: v.issuer.trim(),
    scope: [...new Set((v.scope ?? []).map((s) => s.trim()).filter(Boolean))].sort(),
    validFrom: v.validity?.[0]?.format('YYYY-MM-DD') ?? '',
    validTo: v.validity?.[1]?.format('YYYY-MM-DD') ?? null,
    fileId: v.fileId || null,
  };
}

/** 证照: business licence, operating/production licence or filing, institution licence — with scope, validity and scan. */
export function LicencesPanel({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const q = useLicences(partyId);
  const m = useLicenceMutations(partyId);
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Licence | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<Licence | null>(null);
  const today = useBusinessToday();

  const items = q.data?.items ?? [];
  return (
    <div data-testid="licences">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('licence.intro')}</Typography.Text>
        {can(PERMS.licenceCreate) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="licence-new">
            {t('licence.new')}
          </Button>
        )}
      </Flex>
      {q.isError && <ProblemAlert error={q.error} />}
      <Table<Licence>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="licence-table"
        locale={{ emptyText: t('licence.empty') }}
        rowClassName={(r) => (r.active ? '' : 'row-inactive')}
        onRow={(r) => ({ 'data-testid': 'licence-row', 'data-type': r.type, 'data-active': String(r.active) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('licence.type'), dataIndex: 'type', render: (v: LicenceType) => <Tag color={v === 'business_licence' ? 'blue' : 'geekblue'}>{t(`licence.types.${v}`)}</Tag> },
          { title: t('licence.number'), dataIndex: 'number', render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
          { title: t('licence.issuer'), dataIndex: 'issuer' },
          {
            title: t('licence.scope'),
            dataIndex: 'scope',
            render: (v: string[]) =>
              v.length ? (
                <Flex gap={4} wrap style={{ maxWidth: 260 }}>
                  {v.map((c) => (
                    <Tag key={c} style={{ marginInlineEnd: 0 }}>
                      {c}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: t('licence.validity'),
            key: 'validity',
            render: (_: unknown, r) => (
              <Space size={6} wrap>
                <span>
                  {formatDate(r.validFrom)} ~ {r.validTo ? formatDate(r.validTo) : t('licence.noEnd')}
                </span>
                {r.active && <ExpiryBadge expiry={expiryOf(r.validTo, today)} testId="licence-expiry" />}
              </Space>
            ),
          },
          { title: t('licence.file'), dataIndex: 'fileId', render: (v: string | null) => <FileLink id={v} testId="licence-file" /> },
          { title: t('common.status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('licence.deactivated')}</Tag>) },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r) =>
              r.active ? (
                <Space size={0}>
                  {can(PERMS.licenceUpdate) && (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="licence-edit">
                      {t('common.edit')}
                    </Button>
                  )}
                  {can(PERMS.licenceDeactivate) && (
                    <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setDeactivating(r)} data-testid="licence-deactivate">
                      {t('licence.deactivate')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('licence.new') : t('licence.editTitle')} onCancel={() => setEditing(null)} footer={null} destroyOnHidden width={720}>
        {editing !== null && (
          <LicenceForm
            licence={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSave={async (input, reason, before) => {
              if (!before) {
                await m.create.mutateAsync(reason ? { ...input, reason } : input);
                void message.success(t('licence.created'));
              } else {
                const changes = Object.fromEntries(
                  (Object.keys(input) as Array<keyof LicenceInput>).filter((k) => !sameValue(before[k], input[k])).map((k) => [k, input[k]]),
                ) as Partial<LicenceInput>;
                if (Object.keys(changes).length === 0) {
                  void message.info(t('common.noChanges'));
                  return;
                }
                await m.update.mutateAsync({ id: before.id, ...changes, reason });
                void message.success(t('licence.updated'));
              }
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <ReasonDialog
        open={deactivating !== null}
        title={t('licence.deactivateTitle')}
        text={deactivating ? t('licence.deactivateText', { number: deactivating.number }) : null}
        danger
        okText={t('licence.deactivate')}
        testId="licence-deactivate"
        onCancel={() => setDeactivating(null)}
        onSubmit={async (reason) => {
          await m.deactivate.mutateAsync({ id: deactivating!.id, reason });
          setDeactivating(null);
          void message.success(t('licence.deactivatedDone'));
        }}
      />
    </div>
  );
}

function LicenceForm({ licence, onSave, onCancel }: { licence: Licence | null; onSave: (input: LicenceInput, reason: string, before: Licence | null) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LicenceFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [other, setOther] = useState<Array<{ path: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const fields = ['type', 'number', 'issuer', 'scope', 'validFrom', 'validTo', 'fileId', 'reason'];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(licenceFormToInput(values), values.reason?.trim() ?? '', licence);
    } catch (err) {
      setError(err);
      setOther(applyServerErrors(form, err, fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<LicenceFormValues>
      form={form}
      layout="vertical"
      initialValues={
        licence
          ? { type: licence.type, number: licence.number, issuer: licence.issuer, scope: licence.scope, validity: [dayjs(licence.validFrom), licence.validTo ? dayjs(licence.validTo) : null], fileId: licence.fileId }
          : { type: 'operating_licence', scope: [], validity: null }
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('licence.type')} rules={[{ required: true }]}>
            <Select data-testid="licence-form-type" options={LICENCE_TYPES.map((k) => ({ value: k, label: t(`licence.types.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="number" label={t('licence.number')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('licence.number') }) }]}>
            <Input maxLength={100} data-testid="licence-form-number" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="issuer" label={t('licence.issuer')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('licence.issuer') }) }]}>
            <Input maxLength={200} placeholder={t('licence.issuerPlaceholder')} data-testid="licence-form-issuer" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="scope"
            label={t('licence.scope')}
            extra={t('licence.scopeHelp')}
            rules={[
              {
                validator: async (_, v: string[] | undefined) => {
                  const bad = (v ?? []).filter((c) => !CATEGORY.test(c.trim()));
                  if (bad.length) throw new Error(t('licence.scopeInvalid', { codes: bad.join('、') }));
                },
              },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', ' ', '、']} open={false} placeholder="07, 14-01, 22" data-testid="licence-form-scope" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name="validity"
            label={t('licence.validity')}
            required
            extra={t('licence.validityHelp')}
            rules={[{ validator: async (_, v: LicenceFormValues['validity']) => { if (!v?.[0]) throw new Error(t('validation.requiredSelect', { field: t('licence.validFrom') })); } }]}
          >
            <DatePicker.RangePicker allowEmpty={[false, true]} style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="licence-form-validity" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="fileId" label={t('licence.file')}>
            <FileUpload testId="licence-form-file" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reason" label={t('common.reason')} rules={licence ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []}>
            <Input.TextArea rows={2} maxLength={1000} showCount placeholder={licence ? t('common.reasonPlaceholder') : t('common.reasonOptionalPlaceholder')} data-testid="licence-form-reason" />
          </Form.Item>
        </Col>
      </Row>
      {error ? <ProblemAlert error={error} extraErrors={other} testId="licence-form-error" style={{ marginBottom: 12 }} /> : null}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="licence-form-submit">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
