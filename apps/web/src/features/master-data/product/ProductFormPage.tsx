import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../../platform/i18n/zh-CN.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { FormShell, ReasonField, useServerErrorState } from '../shared/formSupport.tsx';
import { changedFields, checkUdiDi } from '../shared/validators.ts';
import { productApi } from './api.ts';
import { EMPTY_PRODUCT_FORM, formValuesToProductInput, productInputOf, productToFormValues, type ProductFormValues } from './form.ts';
import { DEVICE_CLASSES, PRODUCT_FIELDS, TRACKINGS } from './types.ts';

const LIST = '/master-data/products';
type FieldKey = keyof Messages['product']['fields'];

export default function ProductFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProductFormValues>();
  const detail = productApi.useDetail(id);
  const create = productApi.useCreate();
  const update = productApi.useUpdate(id ?? '');
  const serverErrors = useServerErrorState();
  const fields = [...PRODUCT_FIELDS, 'reason'];

  useEffect(() => {
    if (editing && detail.data) form.setFieldsValue(productToFormValues(detail.data));
  }, [editing, detail.data, form]);

  if (editing && detail.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (editing && detail.isError) return <ProblemAlert error={detail.error} />;

  const notEditable = editing && detail.data && !detail.data.allowedActions.includes('update');

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
      } else {
        const changes = changedFields(productInputOf(detail.data!), body);
        if (Object.keys(changes).length === 0) {
          void message.info(t('common.noChanges'));
          return;
        }
        await update.mutateAsync({ ...changes, reason: reason ?? '' });
        void message.success(t('product.updated'));
        navigate(`${LIST}/${id}`, { replace: true });
      }
    } catch (err) {
      serverErrors.set(form, err, fields);
    }
  };

  const f = (name: FieldKey) => t(`product.fields.${name}`);
  const required = (name: FieldKey) => [{ required: true, whitespace: true, message: t('validation.required', { field: f(name) }) }];
  const requiredSelect = (name: FieldKey) => [{ required: true, message: t('validation.requiredSelect', { field: f(name) }) }];

  return (
    <FormShell
      kind="product"
      title={editing ? t('product.editTitle') : t('product.createTitle')}
      listTitle={t('product.listTitle')}
      listPath={LIST}
      backPath={editing ? `${LIST}/${id}` : LIST}
      saving={create.isPending || update.isPending}
      error={serverErrors.error}
      otherErrors={serverErrors.other}
      notice={notEditable ? t('product.editOnlyDraft') : undefined}
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
            <Form.Item name="registrant" label={f('registrant')} rules={required('registrant')}>
              <Input placeholder={t('product.placeholders.registrant')} data-testid="product-form-registrant" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="registrationNo" label={f('registrationNo')} rules={required('registrationNo')}>
              <Input placeholder={t('product.placeholders.registrationNo')} data-testid="product-form-registrationNo" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="registrationValidTo" label={f('registrationValidTo')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="product-form-registrationValidTo" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('product.sections.traceability')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="udiDi"
              label={f('udiDi')}
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
          </Col>
          <Col xs={24} md={12} xl={16}>
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
          <Col xs={24} md={8}>
            <Form.Item name="storageTempMin" label={f('storageTempMin')}>
              <InputNumber<string> stringMode step="0.5" precision={1} min="-99" max="99" style={{ width: '100%' }} data-testid="product-form-storageTempMin" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="storageTempMax"
              label={f('storageTempMax')}
              dependencies={['storageTempMin']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v: string | number | null) => {
                    const min = getFieldValue('storageTempMin') as string | number | null;
                    if (v === null || v === undefined || v === '' || min === null || min === undefined || min === '') return;
                    if (Number(v) < Number(min)) throw new Error(t('validation.tempRange'));
                  },
                }),
              ]}
            >
              <InputNumber<string> stringMode step="0.5" precision={1} min="-99" max="99" style={{ width: '100%' }} data-testid="product-form-storageTempMax" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="shelfLifeDays" label={f('shelfLifeDays')} rules={[{ type: 'integer', min: 1, message: t('validation.positiveInteger') }]}>
              <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} data-testid="product-form-shelfLifeDays" />
            </Form.Item>
          </Col>
        </Row>

        <ReasonField required={editing} testId="product-form-reason" />
      </Form>
    </FormShell>
  );
}
