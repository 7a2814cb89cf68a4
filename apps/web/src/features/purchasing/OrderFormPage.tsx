import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import { App, Breadcrumb, Button, Card, Col, DatePicker, Flex, Form, Input, Result, Row, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { mapFieldErrors, toProblem } from '../../platform/api/problem.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useAllParties, useAllProducts } from '../master-data/shared/pickers.ts';
import { useOrder, useSaveOrder } from './api.ts';
import { isPositiveDecimalString, orderBody, PRICE_SCALE, QUANTITY_SCALE, type OrderFormValues } from './model.ts';
import { QualificationBlockAlert } from './QualificationBlockAlert.tsx';
import { DIRECT_REASONS, type PurchaseOrderDetail } from './types.ts';

const HEADER_FIELDS = ['supplierId', 'expectedDeliveryDate', 'qualityClause', 'afterSalesClause', 'note', 'direct', 'directReason', 'directNote', 'directCustomerId', 'reason', 'lines'];

const dateProps = (v: string | null | undefined) => ({ value: v ? dayjs(v) : null });
const dateNormalize = (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null);

function initialValues(order: PurchaseOrderDetail | undefined, defaults: { quality: string; afterSales: string }): OrderFormValues {
  if (!order) {
    return { qualityClause: defaults.quality, afterSalesClause: defaults.afterSales, direct: false, lines: [{ quantity: '', unitPrice: '' }] };
  }
  return {
    supplierId: order.supplierId,
    expectedDeliveryDate: order.expectedDeliveryDate,
    qualityClause: order.qualityClause,
    afterSalesClause: order.afterSalesClause,
    note: order.note,
    direct: order.direct,
    directReason: order.directReason,
    directNote: order.directNote,
    directCustomerId: order.directCustomerId,
    lines: order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, unit: l.unit })),
  };
}

/** New or edited 采购订单 (draft or rejected): supplier, lines, clauses, 直调. Amounts are the server's. */
export default function OrderFormPage() {
  const { id } = useParams();
  const q = useOrder(id);
  const { t } = useTranslation();
  if (id && q.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (id && (q.isError || !q.data)) return <ProblemAlert error={q.error} testId="order-load-error" />;
  if (q.data && !q.data.allowedActions.includes('update')) return <Result status="warning" title={t('purchasing.notEditable')} />;
  return <OrderForm order={q.data} />;
}

function OrderForm({ order }: { order?: PurchaseOrderDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderFormValues>();
  const save = useSaveOrder(order?.id);
  const parties = useAllParties();
  const products = useAllProducts();
  const [error, setError] = useState<unknown>(null);
  const direct = Form.useWatch('direct', form);
  const directReason = Form.useWatch('directReason', form);

  const initial = useMemo(
    () => initialValues(order, { quality: t('purchasing.defaultQualityClause'), afterSales: t('purchasing.defaultAfterSalesClause') }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [order?.id],
  );
  useEffect(() => form.resetFields(), [form, initial]);

  const approved = (parties.data?.items ?? []).filter((p) => p.status === 'approved');
  const supplierOptions = approved.filter((p) => p.kinds?.includes('supplier')).map((p) => ({ value: p.id, label: `${p.name} · ${p.number}` }));
  const customerOptions = approved.filter((p) => p.kinds?.includes('customer')).map((p) => ({ value: p.id, label: `${p.name} · ${p.number}` }));
  const productOptions = (products.data?.items ?? [])
    .filter((p) => p.status === 'approved')
    .map((p) => ({ value: p.id, label: `${p.name} ${p.model ?? ''} · ${p.registrationNo ?? ''} · ${p.number}` }));

  const onSave = async () => {
    let values: OrderFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      const saved = await save.mutateAsync(orderBody(values));
      void message.success(t(order ? 'purchasing.done.updated' : 'purchasing.done.created'));
      navigate(`/purchasing/orders/${saved.id}`);
    } catch (err) {
      const mapped = mapFieldErrors(toProblem(err), HEADER_FIELDS);
      if (mapped.fields.length > 0) form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
      setError(err);
    }
  };

  const decimalRule = (scale: number, field: string) => ({
    validator: async (_: unknown, v: string | undefined) => {
      if (!v || !v.trim()) throw new Error(t('validation.required', { field }));
      if (!isPositiveDecimalString(v, scale)) throw new Error(t('purchasing.validation.decimal', { scale }));
    },
  });
  const req = (field: string) => [{ required: true, whitespace: true, message: t('validation.required', { field }) }];
  const reqSelect = (field: string) => [{ required: true, message: t('validation.requiredSelect', { field }) }];
  const f = (k: 'supplier' | 'expectedDeliveryDate' | 'qualityClause' | 'afterSalesClause' | 'note' | 'direct' | 'directReason' | 'directNote' | 'directCustomer') =>
    t(`purchasing.fields.${k}`);

  const title = order ? t('purchasing.editOrder', { number: order.number }) : t('purchasing.newOrder');
  return (
    <div data-testid="order-form">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <a onClick={() => navigate('/purchasing/orders')}>{t('menu.purchaseOrders')}</a> }, { title }]} />
      <Card className="page-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {error ? <QualificationBlockAlert error={error} testId="order-form-error" style={{ marginBottom: 16 }} /> : null}
        {parties.isError ? <ProblemAlert error={parties.error} testId="order-form-parties-error" style={{ marginBottom: 16 }} /> : null}
        <Form<OrderFormValues> form={form} layout="vertical" initialValues={initial} requiredMark>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="supplierId" label={f('supplier')} rules={reqSelect(f('supplier'))} extra={t('purchasing.supplierHelp')}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={parties.isPending}
                  options={supplierOptions}
                  placeholder={t('purchasing.supplierPlaceholder')}
                  data-testid="order-form-supplierId"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="expectedDeliveryDate" label={f('expectedDeliveryDate')} getValueProps={dateProps} normalize={dateNormalize}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="order-form-expectedDeliveryDate" />
              </Form.Item>
            </Col>
          </Row>

          <Typography.Title level={5}>{t('purchasing.linesTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('purchasing.linesHelp')}</Typography.Paragraph>
          <Form.List
            name="lines"
            rules={[
              {
                validator: async (_, lines: unknown[] | undefined) => {
                  if (!lines || lines.length === 0) throw new Error(t('purchasing.validation.noLines'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="order-form-lines">
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="top" data-testid="order-form-line" data-index={index}>
                    <Col xs={24} lg={11}>
                      <Form.Item name={[field.name, 'productId']} label={index === 0 ? t('purchasing.line.product') : undefined} rules={reqSelect(t('purchasing.line.product'))}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          loading={products.isPending}
                          options={productOptions}
                          placeholder={t('purchasing.productPlaceholder')}
                          data-testid={`order-form-line-${index}-productId`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={8} lg={4}>
                      <Form.Item
                        name={[field.name, 'quantity']}
                        label={index === 0 ? t('purchasing.line.quantity') : undefined}
                        rules={[decimalRule(QUANTITY_SCALE, t('purchasing.line.quantity'))]}
                      >
                        <Input inputMode="decimal" placeholder="0" data-testid={`order-form-line-${index}-quantity`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} lg={4}>
                      <Form.Item
                        name={[field.name, 'unitPrice']}
                        label={index === 0 ? t('purchasing.line.unitPrice') : undefined}
                        rules={[decimalRule(PRICE_SCALE, t('purchasing.line.unitPrice'))]}
                      >
                        <Input inputMode="decimal" prefix="¥" placeholder="0.00" data-testid={`order-form-line-${index}-unitPrice`} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} lg={3}>
                      <Form.Item name={[field.name, 'unit']} label={index === 0 ? t('purchasing.line.unit') : undefined}>
                        <Input maxLength={20} placeholder={t('purchasing.unitPlaceholder')} data-testid={`order-form-line-${index}-unit`} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} lg={2}>
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Button
                          icon={<DeleteOutlined />}
                          disabled={fields.length <= 1}
                          onClick={() => remove(field.name)}
                          aria-label={t('purchasing.removeLine')}
                          data-testid={`order-form-line-${index}-remove`}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: '', unitPrice: '' })} data-testid="order-form-add-line" style={{ marginBottom: 16 }}>
                  {t('purchasing.addLine')}
                </Button>
              </div>
            )}
          </Form.List>

          <Typography.Title level={5}>{t('purchasing.clausesTitle')}</Typography.Title>
          <Form.Item name="qualityClause" label={f('qualityClause')} rules={req(f('qualityClause'))} extra={t('purchasing.clauseHelp')}>
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid="order-form-qualityClause" />
          </Form.Item>
          <Form.Item name="afterSalesClause" label={f('afterSalesClause')} rules={req(f('afterSalesClause'))}>
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid="order-form-afterSalesClause" />
          </Form.Item>
          <Form.Item name="note" label={f('note')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="order-form-note" />
          </Form.Item>

          <Typography.Title level={5}>{t('purchasing.directTitle')}</Typography.Title>
          <Form.Item name="direct" label={f('direct')} valuePropName="checked" extra={t('purchasing.directHelp')}>
            <Switch data-testid="order-form-direct" />
          </Form.Item>
          {direct ? (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="directReason" label={f('directReason')} rules={reqSelect(f('directReason'))}>
                  <Select options={DIRECT_REASONS.map((r) => ({ value: r, label: t(`purchasing.directReason.${r}`) }))} data-testid="order-form-directReason" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="directCustomerId" label={f('directCustomer')} rules={reqSelect(f('directCustomer'))}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={customerOptions} data-testid="order-form-directCustomerId" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="directNote" label={f('directNote')} rules={directReason === 'other_permitted' ? req(f('directNote')) : []}>
                  <Input maxLength={1000} data-testid="order-form-directNote" />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          {order ? (
            <Form.Item name="reason" label={t('common.reason')}>
              <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('common.reasonOptionalPlaceholder')} data-testid="order-form-reason" />
            </Form.Item>
          ) : null}
        </Form>
        <Flex justify="flex-end" className="form-actions">
          <Space>
            <Button onClick={() => navigate(order ? `/purchasing/orders/${order.id}` : '/purchasing/orders')} data-testid="order-form-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="primary" loading={save.isPending} onClick={() => void onSave()} data-testid="order-form-submit">
              {t('purchasing.saveDraft')}
            </Button>
          </Space>
        </Flex>
      </Card>
    </div>
  );
}
