import { useMemo, useState } from 'react';
import { App, Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { SignatureDialog } from '../../platform/signature/SignatureDialog.tsx';
import { isProvinceCode, NATIONWIDE, PROVINCE_CODES } from '../master-data/shared/regions.ts';
import { QUAL_PERMS, useBusinessToday, usePublishRule, useRules, type PublishRuleBody } from './api.ts';
import { inForceRuleIds, parseRuleParams } from './rules.ts';
import { isRuleKey, RULE_KEYS, type RuleVersion } from './types.ts';

interface PublishForm {
  ruleKey: string;
  region: string;
  enabled: boolean;
  params: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
}

/** 校验规则: every version of every rule, nationally and per region; the QA head publishes new versions. */
export default function RulesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const q = useRules();
  const [publishing, setPublishing] = useState<RuleVersion | 'new' | null>(null);
  const today = useBusinessToday();
  const rules = useMemo(() => q.data?.items ?? [], [q.data]);
  const inForce = useMemo(() => inForceRuleIds(rules, today), [rules, today]);
  const region = (r: string) => (r === NATIONWIDE ? t('authorisation.nationwide') : isProvinceCode(r) ? `${r} ${t(`regions.${r}`)}` : r);

  return (
    <Card className="page-card" data-testid="rules-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div style={{ maxWidth: 820 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('rules.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('rules.intro')}</Typography.Text>
        </div>
        {can(QUAL_PERMS.rulePublish) && (
          <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => setPublishing('new')} data-testid="rule-publish">
            {t('rules.publish')}
          </Button>
        )}
      </Flex>
      {!can(QUAL_PERMS.rulePublish) && <Alert type="info" showIcon title={t('rules.readOnly')} style={{ marginBottom: 16 }} />}
      {q.isError && <ProblemAlert error={q.error} style={{ marginBottom: 16 }} />}
      <Table<RuleVersion>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={rules}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="rules-table"
        onRow={(r) => ({ 'data-testid': 'rule-row', 'data-rule': r.ruleKey, 'data-version': r.version }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('rules.rule'),
            dataIndex: 'ruleKey',
            render: (v: string) => (
              <Flex vertical>
                <Typography.Text strong>{isRuleKey(v) ? t(`rules.names.${v}`) : v}</Typography.Text>
                <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                  {v}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('rules.region'), dataIndex: 'region', render: (v: string) => <Tag color={v === NATIONWIDE ? 'green' : 'purple'}>{region(v)}</Tag> },
          { title: t('common.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          {
            title: t('rules.state'),
            key: 'state',
            render: (_: unknown, r) => (
              <Flex gap={4} wrap>
                {r.enabled ? <Tag color="success">{t('rules.enabled')}</Tag> : <Tag>{t('rules.disabled')}</Tag>}
                {inForce.has(r.id) && (
                  <Tag color="processing" data-testid="rule-in-force">
                    {t('rules.inForce')}
                  </Tag>
                )}
                {r.effectiveFrom.slice(0, 10) > today && <Tag color="gold">{t('rules.scheduled')}</Tag>}
                {r.effectiveTo && r.effectiveTo.slice(0, 10) < today && <Tag>{t('rules.ended')}</Tag>}
              </Flex>
            ),
          },
          { title: t('rules.requirements'), dataIndex: 'requirementIds', render: (v: string[]) => v.map((id) => <Tag color="blue" key={id}>{id}</Tag>) },
          {
            title: t('rules.params'),
            dataIndex: 'params',
            render: (v: Record<string, unknown>) =>
              Object.keys(v).length ? (
                <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
                  {JSON.stringify(v)}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          { title: t('rules.effective'), key: 'effective', render: (_: unknown, r) => `${formatDate(r.effectiveFrom)} ~ ${r.effectiveTo ? formatDate(r.effectiveTo) : t('rules.openEnded')}` },
          ...(can(QUAL_PERMS.rulePublish)
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: RuleVersion) => (
                    <Tooltip title={t('rules.newVersionHelp')}>
                      <Button type="link" size="small" onClick={() => setPublishing(r)} data-testid="rule-new-version">
                        {t('rules.newVersion')}
                      </Button>
                    </Tooltip>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={publishing !== null} title={t('rules.publish')} onCancel={() => setPublishing(null)} footer={null} destroyOnHidden width={680}>
        {publishing !== null && <PublishRuleForm base={publishing === 'new' ? null : publishing} onDone={() => setPublishing(null)} />}
      </Modal>
    </Card>
  );
}

function PublishRuleForm({ base, onDone }: { base: RuleVersion | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishForm>();
  const publish = usePublishRule();
  const [body, setBody] = useState<PublishRuleBody | null>(null);

  const next = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const params = parseRuleParams(v.params);
    if (!params.ok) {
      form.setFields([{ name: 'params', errors: [t('rules.paramsInvalid')] }]);
      return;
    }
    setBody({
      ruleKey: v.ruleKey,
      region: v.region,
      enabled: v.enabled,
      params: params.value,
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      effectiveTo: v.effectiveTo ? v.effectiveTo.format('YYYY-MM-DD') : null,
    });
  };

  return (
    <>
      <Form<PublishForm>
        form={form}
        layout="vertical"
        initialValues={{
          ruleKey: base?.ruleKey,
          region: base?.region ?? NATIONWIDE,
          enabled: base?.enabled ?? true,
          params: JSON.stringify(base?.params ?? {}, null, 2),
          effectiveFrom: dayjs().add(1, 'day'),
          effectiveTo: null,
        }}
      >
        <Alert type="info" showIcon title={t('rules.publishHelp')} style={{ marginBottom: 16 }} />
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="ruleKey" label={t('rules.rule')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('rules.rule') }) }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="rule-form-key"
                options={RULE_KEYS.map((k) => ({ value: k, label: `${t(`rules.names.${k}`)} (${k})` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="region" label={t('rules.region')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="rule-form-region"
                options={[{ value: NATIONWIDE, label: `* ${t('authorisation.nationwide')}` }, ...PROVINCE_CODES.map((c) => ({ value: c, label: `${c} ${t(`regions.${c}`)}` }))]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
              <Switch data-testid="rule-form-enabled" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="effectiveFrom" label={t('rules.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="rule-form-from" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="effectiveTo" label={t('rules.effectiveTo')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="rule-form-to" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="params" label={t('rules.params')} extra={t('rules.paramsHelp')}>
              <Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} data-testid="rule-form-params" />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => void next()} data-testid="rule-form-next">
            {t('rules.signAndPublish')}
          </Button>
        </Flex>
      </Form>
      <SignatureDialog
        open={body !== null}
        title={t('rules.publish')}
        subject={body ? `${body.ruleKey} · ${body.region === NATIONWIDE ? t('authorisation.nationwide') : body.region}` : undefined}
        meanings={['approved']}
        reasonRequired
        onCancel={() => setBody(null)}
        onSubmit={async (payload) => {
          const res = await publish.mutateAsync({ ...body!, ...payload });
          setBody(null);
          void message.success(t('rules.published', { version: res.version }));
          onDone();
        }}
      />
    </>
  );
}
