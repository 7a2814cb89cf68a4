import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../../platform/i18n/zh-CN.ts';
import { FileUpload } from '../../../platform/files/FileUpload.tsx';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { FormShell, ReasonField, useServerErrorState } from '../shared/formSupport.tsx';
import { checkUdiDi } from '../shared/validators.ts';
import { useCreateChangeRequest } from '../../qualification/api.ts';
import { changeBody, remapChangePaths } from '../../qualification/model.ts';
import { productApi } from './api.ts';
import { EMPTY_PRODUCT_FORM, formValuesToProductInput, productInputOf, productToFormValues, type ProductFormValues } from './form.ts';
import { DEVICE_CLASSES, ISSUING_AGENCIES, PRODUCT_DEFAULTED_FIELDS, PRODUCT_FIELDS, REGISTRATION_KINDS, TRACKINGS } from './types.ts';
import { UdiScanButton } from './UdiScanButton.tsx';

const LIST = '/master-data/products';
type FieldKey = keyof Messages['product']['fields'];

/**
 * Create, edit (draft or rejected) or — for an approved product — propose a change (`mode="change"`):
 * the same form, the change request carries only the changed fields.
 */
export default function ProductFormPage({ mode }: { mode?: 'change' }) {
  const { id } = useParams();
  const editing = !!id;
  const changing = mode === 'change';
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProductFormValues>();
  const detail = productApi.useDetail(id);
  const create = productApi.useCreate();
  const update = productApi.useUpdate(id ?? '');
  const propose = useCreateChangeRequest();
  const serverErrors = useServerErrorState();
  const fields = [...PRODUCT_FIELDS, 'reason'];

  useEffect(() => {
    if (editing && detail.data) form.setFieldsValue(productToFormValues(detail.data));
  }, [editing, detail.data, form]);

  if (editing && detail.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (editing && detail.isError) return <ProblemAlert error={detail.error} />;

  const record = detail.data;
  const notEditable = changing ? record && record.status !== 'approved' : editing && record && !record.allowedActions.includes('update');

  const save = async () => {
    let values: ProductFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    serverErrors.clear();
    const body = formValuesToProductInput(values);
    const reason = values.reason?.trim();
    try {
      if (!editing) {
        const created = await create.mutateAsync(reason ? { ...body, reason } : body);
        void message.success(t('product.created'));
        navigate(`${LIST}/${created.id}`, { replace: true });
        return;
      }
      const changes = changeBody(productInputOf(record!), body, PRODUCT_DEFAULTED_FIELDS);
      if (Object.keys(changes).length === 0) {
        void message.info(t('common.noChanges'));
        return;
      }
      if (changing) {
        const cr = await propose.mutateAsync({ target: 'master_data.product', targetId: id!, changes, reason: reason ?? '' });
        void message.success(t('changeRequest.created', { number: cr.number }));
        navigate(`/qualification/change-requests/${cr.id}`, { replace: true });
        return;
      }
      await update.mutateAsync({ ...changes, reason: reason ?? '' });
      void message.success(t('product.updated'));
      navigate(`${LIST}/${id}`, { replace: true });
    } catch (err) {
      // a change request reports `changes.<field>`: put those on the fields too
      serverErrors.set(form, changing ? remapChangePaths(err) : err, fields);
    }
  };

  const f = (name: FieldKey) => t(`product.fields.${name}`);
  const required = (name: FieldKey) => [{ required: true, whitespace: true, message: t('validation.required', { field: f(name) }) }];
  const requiredSelect = (name: FieldKey) => [{ required: true, message: t('validation.requiredSelect', { field: f(name) }) }];
  const title = changing ? t('changeRequest.productTitle', { number: record?.number ?? '' }) : editing ? t('product.editTitle') : t('product.createTitle');

  return (
    <FormShell
      kind="product"
      title={title}
      listTitle={t('product.listTitle')}
      listPath={LIST}
      backPath={editing ? `${LIST}/${id}` : LIST}
      saving={create.isPending || update.isPending || propose.isPending}
      error={serverErrors.error}
      otherErrors={serverErrors.other}
      notice={notEditable ? (changing ? t('changeRequest.onlyApproved') : t('product.editOnlyDraft')) : undefined}
      intro={changing ? t('changeRequest.formIntro') : undefined}
      saveLabel={changing ? t('changeRequest.save') : undefined}
      onSave={() => void save()}
    >
      <Form<ProductFormValues>
        form={form}
        layout="vertical"
        initialValues={EMPTY_PRODUCT_FORM}
        disabled={!!notEditable}
        scrollToFirstError
        onValuesChange={() => serverErrors.error && serverErrors.clear()}
      >
        <Typography.Title level={5}>{t('product.sections.basic')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="name" label={f('name')} rules={[...required('name'), { max: 200 }]}>
              <Input placeholder={t('product.placeholders.name')} data-testid="product-form-name" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="model" label={f('model')} rules={required('model')}>
              <Input placeholder={t('product.placeholders.model')} data-testid="product-form-model" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="categoryCode"
              label={f('categoryCode')}
              validateFirst
              rules={[...required('categoryCode'), { pattern: /^\d{2}(-\d{2}){0,2}$/, message: t('validation.categoryCode') }]}
            >
              <Input placeholder={t('product.placeholders.categoryCode')} data-testid="product-form-categoryCode" maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="deviceClass" label={f('deviceClass')} rules={requiredSelect('deviceClass')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="product-form-deviceClass">
                {DEVICE_CLASSES.map((c) => (
                  <Radio.Button key={c} value={c} data-testid={`product-form-deviceClass-${c}`}>
                    {t(`product.deviceClass.${c}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="implantable" label={f('implantable')} valuePropName="checked">
              <Switch data-testid="product-form-implantable" checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('product.sections.registration')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="registrationKind" label={f('registrationKind')} rules={requiredSelect('registrationKind')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="product-form-registrationKind">
                {REGISTRATION_KINDS.map((k) => (
                  <Radio.Button key={k} value={k} data-testid={`product-form-registrationKind-${k}`}>
                    {t(`product.registrationKind.${k}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="registrant" label={f('registrant')} rules={required('registrant')}>
              <Input placeholder={t('product.placeholders.registrant')} data-testid="product-form-registrant" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="registrationNo" label={f('registrationNo')} rules={required('registrationNo')}>
              <Input placeholder={t('product.placeholders.registrationNo')} data-testid="product-form-registrationNo" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="registrationValidFrom" label={f('registrationValidFrom')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="product-form-registrationValidFrom" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="registrationValidTo"
              label={f('registrationValidTo')}
              dependencies={['registrationValidFrom']}
              extra={t('product.validToHelp')}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v: ProductFormValues['registrationValidTo']) => {
                    const from = getFieldValue('registrationValidFrom') as ProductFormValues['registrationValidFrom'];
                    if (v && from && v.isBefore(from, 'day')) throw new Error(t('validation.dateRange'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="product-form-registrationValidTo" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="manufacturer" label={f('manufacturer')} tooltip={t('product.manufacturerHelp')}>
              <Input maxLength={200} data-testid="product-form-manufacturer" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="manufacturerLicenceNo" label={f('manufacturerLicenceNo')}>
              <Input maxLength={100} placeholder={t('product.placeholders.manufacturerLicenceNo')} data-testid="product-form-manufacturerLicenceNo" />
            </Form.Item>
          </Col>
          <Col xs={24} xl={16}>
            <Form.Item name="registrationScope" label={f('registrationScope')}>
              <Input.TextArea rows={2} maxLength={1000} showCount data-testid="product-form-registrationScope" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('product.sections.documents')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="registrationFileId" label={f('registrationFileId')} extra={t('product.registrationFileHelp')}>
              <FileUpload testId="product-form-registrationFileId" disabled={!!notEditable} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="labelFileId" label={f('labelFileId')} extra={t('product.labelFileHelp')}>
              <FileUpload testId="product-form-labelFileId" disabled={!!notEditable} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('product.sections.traceability')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            {/* the inner field's errors show under this item (antd lifts noStyle errors) */}
            <Form.Item label={f('udiDi')} htmlFor="udiDi">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name="udiDi"
                  noStyle
                  validateFirst
                  rules={[
                    {
                      validator: async (_, v?: string) => {
                        if (!v) return;
                        const p = checkUdiDi(v.trim());
                        if (p === 'digits') throw new Error(t('validation.udiDiDigits'));
                        if (p === 'checkDigit') throw new Error(t('validation.udiDiCheckDigit'));
                      },
                    },
                  ]}
                >
                  <Input placeholder={t('product.placeholders.udiDi')} data-testid="product-form-udiDi" maxLength={14} inputMode="numeric" style={{ fontFamily: 'monospace' }} />
                </Form.Item>
                <UdiScanButton
                  testId="product-form-udiDi-scan"
                  disabled={!!notEditable}
                  onDi={(di, result) => {
                    form.setFieldValue('udiDi', di);
                    if (!form.getFieldValue('issuingAgency') && result.scheme === 'GS1') form.setFieldValue('issuingAgency', 'GS1');
                    void form.validateFields(['udiDi']);
                  }}
                />
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item name="issuingAgency" label={f('issuingAgency')}>
              <Select
                allowClear
                placeholder={t('product.placeholders.issuingAgency')}
                data-testid="product-form-issuingAgency"
                options={ISSUING_AGENCIES.map((a) => ({ value: a, label: t(`product.issuingAgency.${a}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={12}>
            <Form.Item name="tracking" label={f('tracking')} rules={requiredSelect('tracking')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="product-form-tracking">
                {TRACKINGS.map((c) => (
                  <Radio.Button key={c} value={c} data-testid={`product-form-tracking-${c}`}>
                    {t(`product.tracking.${c}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('product.sections.storage')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="storageTempMin" label={f('storageTempMin')}>
              <InputNumber<string> stringMode step="0.5" precision={1} min="-99" max="99" style={{ width: '100%' }} data-testid="product-form-storageTempMin" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="storageTempMax" label={f('storageTempMax')} dependencies={['storageTempMin']} rules={[rangeRule('storageTempMin', t('validation.tempRange'))]}>
              <InputNumber<string> stringMode step="0.5" precision={1} min="-99" max="99" style={{ width: '100%' }} data-testid="product-form-storageTempMax" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="humidityMin" label={f('humidityMin')}>
              <InputNumber<string> stringMode step="1" precision={1} min="0" max="100" style={{ width: '100%' }} data-testid="product-form-humidityMin" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="humidityMax" label={f('humidityMax')} dependencies={['humidityMin']} rules={[rangeRule('humidityMin', t('validation.humidityRange'))]}>
              <InputNumber<string> stringMode step="1" precision={1} min="0" max="100" style={{ width: '100%' }} data-testid="product-form-humidityMax" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="lightProtection" label={f('lightProtection')} valuePropName="checked">
              <Switch data-testid="product-form-lightProtection" checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="stackingLimit" label={f('stackingLimit')} rules={[{ type: 'integer', min: 1, max: 100, message: t('validation.stackingLimit') }]}>
              <InputNumber<number> min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="product-form-stackingLimit" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="shelfLifeDays" label={f('shelfLifeDays')} rules={[{ type: 'integer', min: 1, message: t('validation.positiveInteger') }]}>
              <InputNumber<number> min={1} max={36500} precision={0} style={{ width: '100%' }} data-testid="product-form-shelfLifeDays" />
            </Form.Item>
          </Col>
          <Col xs={24} md={24} xl={18}>
            <Form.Item name="transportConditions" label={f('transportConditions')}>
              <Input maxLength={500} placeholder={t('product.placeholders.transportConditions')} data-testid="product-form-transportConditions" />
            </Form.Item>
          </Col>
        </Row>

        <ReasonField required={editing} testId="product-form-reason" />
      </Form>
    </FormShell>
  );
}

/** max ≥ min for a pair of optional decimal fields. */
function rangeRule(minField: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_: unknown, v: string | number | null) => {
      const min = getFieldValue(minField) as string | number | null;
      if (v === null || v === undefined || v === '' || min === null || min === undefined || min === '') return;
      if (Number(v) < Number(min)) throw new Error(message);
    },
  });
}
