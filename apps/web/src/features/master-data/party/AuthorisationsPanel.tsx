import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { FileLink } from '../../../platform/files/FileView.tsx';
import { FileUpload } from '../../../platform/files/FileUpload.tsx';
import { formatDate } from '../../../platform/format/format.ts';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { ReasonDialog } from '../../../platform/reason/ReasonDialog.tsx';
import { applyServerErrors } from '../shared/formSupport.tsx';
import { recordOption, useAllProducts } from '../shared/pickers.ts';
import { isProvinceCode, NATIONWIDE, PROVINCE_CODES } from '../shared/regions.ts';
import { expiryOf } from '../../qualification/model.ts';
import { useBusinessToday } from '../../qualification/api.ts';
import { ExpiryBadge } from '../../qualification/QualificationTags.tsx';
import { useAuthorisationMutations, useAuthorisations } from './api.ts';
import { idNumberCheck, maskIdNumber } from './form.ts';
import type { Authorisation, AuthorisationInput } from './types.ts';

interface AuthorisationFormValues {
  grantor: string;
  productIds: string[];
  territory: string[];
  validity: [Dayjs, Dayjs] | null;
  salespersonName: string;
  salespersonIdNumber: string;
  fileId?: string | null;
  salespersonIdFileId?: string | null;
  reason?: string;
}

export function territoryLabel(t: TFunction, code: string): string {
  if (code === NATIONWIDE) return t('authorisation.nationwide');
  return isProvinceCode(code) ? t(`regions.${code}`) : code;
}

/** 授权书 (GSP 53): products, territory, period, the salesperson and their ID (masked in lists). */
export function AuthorisationsPanel({ partyId, partyName }: { partyId: string; partyName: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useAuthorisations(partyId);
  const m = useAuthorisationMutations(partyId);
  const products = useAllProducts();
  const [creating, setCreating] = useState(false);
  const [deactivating, setDeactivating] = useState<Authorisation | null>(null);
  const today = useBusinessToday();
  const names = useMemo(() => new Map((products.data?.items ?? []).map((p) => [p.id, p])), [products.data]);
  const tl = (code: string) => territoryLabel(t, code);

  return (
    <div data-testid="authorisations">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('authorisation.intro')}</Typography.Text>
        {can(PERMS.authorisationCreate) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="authorisation-new">
            {t('authorisation.new')}
          </Button>
        )}
      </Flex>
      {q.isError && <ProblemAlert error={q.error} />}
      <Table<Authorisation>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="authorisation-table"
        locale={{ emptyText: t('authorisation.empty') }}
        onRow={(r) => ({ 'data-testid': 'authorisation-row', 'data-active': String(r.active) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('authorisation.grantor'), dataIndex: 'grantor' },
          {
            title: t('authorisation.products'),
            dataIndex: 'productIds',
            render: (ids: string[]) => (
              <Flex gap={4} wrap style={{ maxWidth: 320 }}>
                {ids.map((id) => {
                  const p = names.get(id);
                  return (
                    <Link key={id} to={`/master-data/products/${id}`}>
                      <Tag style={{ marginInlineEnd: 0 }}>{p ? p.name : id}</Tag>
                    </Link>
                  );
                })}
              </Flex>
            ),
          },
          {
            title: t('authorisation.territory'),
            dataIndex: 'territory',
            render: (v: string[]) => (
              <Flex gap={4} wrap style={{ maxWidth: 220 }}>
                {v.map((c) => (
                  <Tag key={c} color={c === NATIONWIDE ? 'green' : undefined} style={{ marginInlineEnd: 0 }}>
                    {tl(c)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('licence.validity'),
            key: 'validity',
            render: (_: unknown, r) => (
              <Space size={6} wrap>
                <span>
                  {formatDate(r.validFrom)} ~ {formatDate(r.validTo)}
                </span>
                {r.active && <ExpiryBadge expiry={expiryOf(r.validTo, today)} testId="authorisation-expiry" />}
              </Space>
            ),
          },
          {
            title: t('authorisation.salesperson'),
            key: 'salesperson',
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{r.salespersonName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }} data-testid="authorisation-id-number">
                  {maskIdNumber(r.salespersonIdNumber)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('authorisation.scans'),
            key: 'scans',
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <FileLink id={r.fileId} label={t('authorisation.letterScan')} />
                <FileLink id={r.salespersonIdFileId} label={t('authorisation.idScan')} />
              </Space>
            ),
          },
          { title: t('common.status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('authorisation.withdrawn')}</Tag>) },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r) =>
              r.active && can(PERMS.authorisationDeactivate) ? (
                <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setDeactivating(r)} data-testid="authorisation-deactivate">
                  {t('authorisation.withdraw')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={creating} title={t('authorisation.new')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden width={760}>
        <AuthorisationForm
          partyName={partyName}
          productOptions={(products.data?.items ?? []).map((p) => recordOption(p, p.model))}
          onCancel={() => setCreating(false)}
          onSave={async (input, reason) => {
            await m.create.mutateAsync(reason ? { ...input, reason } : input);
            setCreating(false);
            void message.success(t('authorisation.created'));
          }}
        />
      </Modal>
      <ReasonDialog
        open={deactivating !== null}
        title={t('authorisation.withdrawTitle')}
        text={deactivating ? t('authorisation.withdrawText', { name: deactivating.salespersonName }) : null}
        danger
        okText={t('authorisation.withdraw')}
        testId="authorisation-deactivate"
        onCancel={() => setDeactivating(null)}
        onSubmit={async (reason) => {
          await m.deactivate.mutateAsync({ id: deactivating!.id, reason });
          setDeactivating(null);
          void message.success(t('authorisation.withdrawn'));
        }}
      />
    </div>
  );
}

function AuthorisationForm({
  partyName,
  productOptions,
  onSave,
  onCancel,
}: {
  partyName: string;
  productOptions: Array<{ value: string; label: string }>;
  onSave: (input: AuthorisationInput, reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuthorisationFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [other, setOther] = useState<Array<{ path: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const fields = ['grantor', 'productIds', 'territory', 'validFrom', 'validTo', 'salespersonName', 'salespersonIdNumber', 'fileId', 'salespersonIdFileId', 'reason'];

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const territory = v.territory.includes(NATIONWIDE) ? [NATIONWIDE] : v.territory;
      await onSave(
        {
          grantor: v.grantor.trim(),
          productIds: v.productIds,
          territory,
          validFrom: v.validity![0].format('YYYY-MM-DD'),
          validTo: v.validity![1].format('YYYY-MM-DD'),
          salespersonName: v.salespersonName.trim(),
          salespersonIdNumber: v.salespersonIdNumber.trim().toUpperCase(),
          fileId: v.fileId || null,
          salespersonIdFileId: v.salespersonIdFileId || null,
        },
        v.reason?.trim() ?? '',
      );
    } catch (err) {
      setError(err);
      setOther(applyServerErrors(form, err, fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<AuthorisationFormValues> form={form} layout="vertical" initialValues={{ grantor: partyName, productIds: [], territory: [] }}>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item name="grantor" label={t('authorisation.grantor')} extra={t('authorisation.grantorHelp')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('authorisation.grantor') }) }]}>
            <Input maxLength={200} data-testid="authorisation-form-grantor" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="productIds" label={t('authorisation.products')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.atLeastOne') }]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={productOptions} placeholder={t('authorisation.productsPlaceholder')} data-testid="authorisation-form-products" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="territory" label={t('authorisation.territory')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.atLeastOne') }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('authorisation.territoryPlaceholder')}
              data-testid="authorisation-form-territory"
              options={[{ value: NATIONWIDE, label: `* ${t('authorisation.nationwide')}` }, ...PROVINCE_CODES.map((c) => ({ value: c, label: `${c} ${t(`regions.${c}`)}` }))]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="validity" label={t('licence.validity')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('licence.validity') }) }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="authorisation-form-validity" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="salespersonName" label={t('authorisation.salespersonName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('authorisation.salespersonName') }) }]}>
            <Input maxLength={50} data-testid="authorisation-form-salespersonName" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="salespersonIdNumber"
            label={t('authorisation.salespersonIdNumber')}
            normalize={(v?: string) => v?.toUpperCase()}
            validateFirst
            rules={[
              { required: true, message: t('validation.required', { field: t('authorisation.salespersonIdNumber') }) },
              { validator: async (_, v?: string) => { if (v && idNumberCheck(v) === 'format') throw new Error(t('validation.idNumber')); } },
              { warningOnly: true, validator: async (_, v?: string) => { if (v && idNumberCheck(v) === 'checkDigit') throw new Error(t('validation.idNumberCheck')); } },
            ]}
          >
            <Input.Password visibilityToggle maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="authorisation-form-salespersonIdNumber" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="fileId" label={t('authorisation.letterScan')}>
            <FileUpload testId="authorisation-form-file" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="salespersonIdFileId" label={t('authorisation.idScan')}>
            <FileUpload testId="authorisation-form-idFile" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reason" label={t('common.reason')}>
            <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('common.reasonOptionalPlaceholder')} data-testid="authorisation-form-reason" />
          </Form.Item>
        </Col>
      </Row>
      {error ? <ProblemAlert error={error} extraErrors={other} testId="authorisation-form-error" style={{ marginBottom: 12 }} /> : null}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="authorisation-form-submit">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
