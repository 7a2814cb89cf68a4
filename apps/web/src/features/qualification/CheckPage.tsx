import { useState } from 'react';
import { Alert, Button, Card, Col, Collapse, DatePicker, Empty, Flex, Form, Radio, Result, Row, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, SafetyCertificateOutlined, StopFilled, WarningOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { recordOption, useAllParties, useAllProducts } from '../master-data/shared/pickers.ts';
import { useCheck } from './api.ts';
import { useLocalized } from './QualificationTags.tsx';
import { isRuleKey, type Finding } from './types.ts';

type Direction = 'purchase' | 'sale';

interface CheckForm {
  direction: Direction;
  partyId?: string;
  productId?: string;
  date?: Dayjs | null;
}

/** 资质校验: supplier × product × date (purchase) or customer × product × date (sale) → 允许 / 拦截 with reasons. */
export default function CheckPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CheckForm>();
  const direction = Form.useWatch('direction', form) ?? 'purchase';
  const products = useAllProducts();
  const parties = useAllParties();
  const [params, setParams] = useState<{ productId: string; supplierId?: string; customerId?: string; date?: string } | null>(null);
  const check = useCheck(params);

  const partyOptions = (parties.data?.items ?? [])
    .filter((p) => (direction === 'purchase' ? p.kinds?.some((k) => k === 'supplier' || k === 'manufacturer') : p.kinds?.includes('customer')))
    .map((p) => recordOption(p));
  const productOptions = (products.data?.items ?? []).map((p) => recordOption(p, p.model));

  const run = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v?.productId || !v.partyId) return;
    const date = v.date ? v.date.format('YYYY-MM-DD') : undefined;
    const next = v.direction === 'purchase' ? { productId: v.productId, supplierId: v.partyId, date } : { productId: v.productId, customerId: v.partyId, date };
    if (JSON.stringify(next) === JSON.stringify(params)) void check.refetch();
    else setParams(next);
  };

  return (
    <Flex vertical gap={16} data-testid="check-page">
      <Card className="page-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <SafetyCertificateOutlined style={{ color: '#0b5cad', marginInlineEnd: 8 }} />
          {t('check.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('check.intro')}</Typography.Paragraph>
        <Form<CheckForm> form={form} layout="vertical" initialValues={{ direction: 'purchase' }} onValuesChange={(c: Partial<CheckForm>) => c.direction && form.setFieldValue('partyId', undefined)}>
          <Row gutter={16} align="bottom">
            <Col xs={24} lg={5}>
              <Form.Item name="direction" label={t('check.direction')}>
                <Radio.Group optionType="button" buttonStyle="solid" data-testid="check-direction">
                  <Radio.Button value="purchase" data-testid="check-direction-purchase">
                    {t('check.purchase')}
                  </Radio.Button>
                  <Radio.Button value="sale" data-testid="check-direction-sale">
                    {t('check.sale')}
                  </Radio.Button>
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <Form.Item name="partyId" label={direction === 'purchase' ? t('check.supplier') : t('check.customer')} rules={[{ required: true, message: t('validation.requiredSelect', { field: direction === 'purchase' ? t('check.supplier') : t('check.customer') }) }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={partyOptions} loading={parties.isPending} placeholder={t('check.partyPlaceholder')} data-testid="check-party" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <Form.Item name="productId" label={t('check.product')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('check.product') }) }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={productOptions} loading={products.isPending} placeholder={t('check.productPlaceholder')} data-testid="check-product" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item name="date" label={t('check.date')} tooltip={t('check.dateHelp')}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder={t('check.today')} data-testid="check-date" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={3}>
              <Form.Item>
                <Button type="primary" block onClick={() => void run()} loading={check.isFetching} data-testid="check-submit">
                  {t('check.run')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      {check.isError && <ProblemAlert error={check.error} testId="check-error" />}
      {!params && !check.data && (
        <Card className="page-card">
          <Empty description={t('check.empty')} />
        </Card>
      )}
      {check.data && params && <CheckResultView result={check.data} />}
    </Flex>
  );
}

function CheckResultView({ result }: { result: NonNullable<ReturnType<typeof useCheck>['data']> }) {
  const { t } = useTranslation();
  const allowed = result.decision === 'allow';
  return (
    <Card className="page-card" data-testid="check-result" data-decision={result.decision}>
      <Result
        status={allowed ? 'success' : 'error'}
        icon={allowed ? <CheckCircleFilled /> : <StopFilled />}
        title={
          <Typography.Title level={1} style={{ margin: 0, color: allowed ? '#389e0d' : '#cf1322', letterSpacing: 8 }} data-testid="check-decision">
            {allowed ? t('check.allow') : t('check.block')}
          </Typography.Title>
        }
        subTitle={t('check.asOf', { date: formatDate(result.date) })}
        style={{ padding: '16px 0 8px' }}
      />
      {result.reasons.length > 0 && (
        <>
          <Typography.Title level={5}>{t('check.reasons', { count: result.reasons.length })}</Typography.Title>
          <Flex vertical gap={12}>
            {result.reasons.map((f, i) => (
              <FindingCard key={`${f.rule}-${i}`} finding={f} testId="check-reason" />
            ))}
          </Flex>
        </>
      )}
      {result.warnings.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('check.warnings', { count: result.warnings.length })}
          </Typography.Title>
          <Flex vertical gap={12}>
            {result.warnings.map((f, i) => (
              <FindingCard key={`${f.rule}-${i}`} finding={f} testId="check-warning" />
            ))}
          </Flex>
        </>
      )}
      {allowed && result.warnings.length === 0 && <Alert type="success" showIcon title={t('check.allClear')} />}
    </Card>
  );
}

function FindingCard({ finding, testId }: { finding: Finding; testId: string }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const block = finding.severity === 'block';
  return (
    <Alert
      type={block ? 'error' : 'warning'}
      showIcon
      icon={block ? <StopFilled /> : <WarningOutlined />}
      data-testid={testId}
      data-rule={finding.rule}
      data-requirement={finding.requirement}
      title={<span data-testid={`${testId}-message`}>{loc(finding.message)}</span>}
      description={
        <Flex vertical gap={8}>
          <Space size={[4, 4]} wrap>
            <Tag color="blue" data-testid={`${testId}-requirement`}>
              {finding.requirement}
            </Tag>
            <Tag data-testid={`${testId}-rule`}>
              {finding.rule} · v{finding.version}
            </Tag>
            {isRuleKey(finding.rule) && <Typography.Text type="secondary">{t(`rules.names.${finding.rule}`)}</Typography.Text>}
          </Space>
          <Collapse
            size="small"
            ghost
            items={[
              {
                key: 'facts',
                label: <span data-testid={`${testId}-facts-toggle`}>{t('check.facts')}</span>,
                children: (
                  <pre className="json-block" data-testid={`${testId}-facts`}>
                    {JSON.stringify(finding.facts, null, 2)}
                  </pre>
                ),
              },
            ]}
          />
        </Flex>
      }
    />
  );
}
