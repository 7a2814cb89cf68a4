import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Radio, Result, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, GlobalOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, buildUrl } from '../../../platform/api/client.ts';
import { toProblem } from '../../../platform/api/problem.ts';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { bytesToBase64 } from '../../../platform/files/files.ts';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import type { TFunction } from 'i18next';
import { partyFieldLabel } from '../party/labels.ts';
import { productFieldLabel } from '../product/labels.ts';
import { importReportOf, IMPORT_KINDS, parseGudidInput, type ImportKind, type ImportReport, type ImportRowError } from './importModel.ts';

const MAX_XLSX_BYTES = 8 * 1024 * 1024;

/** The column's label in the UI language (the template header carries both languages). */
function importFieldLabel(t: TFunction, kind: ImportKind, field: string): string {
  if (kind === 'products') return productFieldLabel(t, field);
  if (kind === 'parties') return partyFieldLabel(t, field);
  const licence: Record<string, string> = {
    partyCreditCode: t('party.fields.creditCode'),
    creditCode: t('party.fields.creditCode'),
    type: t('licence.type'),
    number: t('licence.number'),
    issuer: t('licence.issuer'),
    scope: t('licence.scope'),
    validFrom: t('licence.validFrom'),
    validTo: t('licence.validity'),
    fileId: t('licence.file'),
  };
  return licence[field] ?? field;
}

/** 数据导入: Excel (products, parties, licences) with a row-level report, and FDA GUDID device records. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'gudid' ? 'gudid' : 'excel';

  return (
    <Card className="page-card" data-testid="import-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('io.importTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('io.importIntro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(search);
          next.set('tab', k);
          setSearch(next, { replace: true });
        }}
        items={[
          {
            key: 'excel',
            label: (
              <span data-testid="tab-excel">
                <FileExcelOutlined /> {t('io.excelTab')}
              </span>
            ),
            children: <ExcelImport />,
          },
          ...(can(PERMS.importGudid)
            ? [
                {
                  key: 'gudid',
                  label: (
                    <span data-testid="tab-gudid">
                      <GlobalOutlined /> {t('io.gudidTab')}
                    </span>
                  ),
                  children: <GudidImport />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function ExcelImport() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const qc = useQueryClient();
  const initialKind = (IMPORT_KINDS as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as ImportKind) : 'products';
  const [form] = Form.useForm<{ kind: ImportKind; mode: 'all_or_nothing' | 'partial'; reason: string }>();
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<{ report: ImportReport; rejected: boolean; error?: unknown } | null>(null);

  const run = useMutation({
    mutationFn: async (v: { kind: ImportKind; mode: string; reason: string; file: File }) => {
      const fileBase64 = bytesToBase64(new Uint8Array(await v.file.arrayBuffer()));
      return api.post<ImportReport>(`/master-data/import/${v.kind}`, { fileBase64, mode: v.mode, reason: v.reason });
    },
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!file) {
      setFileError(t('io.chooseFile'));
      return;
    }
    setReport(null);
    try {
      const res = await run.mutateAsync({ ...v, reason: v.reason.trim(), file });
      setReport({ report: res, rejected: false });
      await qc.invalidateQueries({ queryKey: ['master-data'] });
      await qc.invalidateQueries({ queryKey: ['qualification'] });
    } catch (err) {
      const fromProblem = importReportOf(toProblem(err));
      setReport(fromProblem ? { report: fromProblem, rejected: true, error: err } : null);
    }
  };

  const pick = (f: File | undefined) => {
    setFileError(null);
    if (!f) return;
    if (!/\.xlsx$/i.test(f.name)) return setFileError(t('io.onlyXlsx'));
    if (f.size > MAX_XLSX_BYTES) return setFileError(t('files.tooLarge'));
    setFile(f);
  };

  return (
    <Flex vertical gap={16}>
      <Form form={form} layout="vertical" initialValues={{ kind: initialKind, mode: 'all_or_nothing' }} onValuesChange={() => setReport(null)}>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item name="kind" label={t('io.kind')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="import-kind">
                {IMPORT_KINDS.map((k) => (
                  <Radio.Button key={k} value={k} data-testid={`import-kind-${k}`}>
                    {t(`io.kinds.${k}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t('io.template')} extra={t('io.templateHelp')}>
              <a href={buildUrl(`/master-data/import/templates/${kind}.xlsx`)} download data-testid="import-template">
                <Button icon={<DownloadOutlined />}>{t('io.downloadTemplate', { kind: t(`io.kinds.${kind}`) })}</Button>
              </a>
            </Form.Item>
            <Form.Item label={t('io.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
              <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" style={{ display: 'none' }} data-testid="import-file-input" onChange={(e) => { pick(e.target.files?.[0]); e.target.value = ''; }} />
              <Space wrap>
                <Button icon={<FileExcelOutlined />} onClick={() => input.current?.click()} data-testid="import-file-button">
                  {t('io.chooseFile')}
                </Button>
                {file && (
                  <Typography.Text data-testid="import-file-name">
                    {file.name}（{Math.ceil(file.size / 1024)} KB）
                  </Typography.Text>
                )}
              </Space>
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="mode" label={t('io.mode')}>
              <Radio.Group data-testid="import-mode">
                <Space orientation="vertical">
                  <Radio value="all_or_nothing" data-testid="import-mode-all_or_nothing">
                    <Typography.Text strong>{t('io.modes.all_or_nothing')}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('io.modes.all_or_nothingHelp')}</Typography.Text>
                  </Radio>
                  <Radio value="partial" data-testid="import-mode-partial">
                    <Typography.Text strong>{t('io.modes.partial')}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('io.modes.partialHelp')}</Typography.Text>
                  </Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('common.reasonPlaceholder')} data-testid="import-reason" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={run.isPending} onClick={() => void submit()} data-testid="import-submit">
          {t('io.importButton')}
        </Button>
      </Form>
      {run.error && !report ? <ProblemAlert error={run.error} testId="import-error" /> : null}
      {report && <ImportReportView kind={kind} {...report} />}
    </Flex>
  );
}

function ImportReportView({ report, rejected, error, kind }: { report: ImportReport; rejected: boolean; error?: unknown; kind: ImportKind }) {
  const { t } = useTranslation();
  const listPath = kind === 'products' ? '/master-data/products?status=draft' : '/master-data/parties';
  return (
    <Card size="small" data-testid="import-report" data-rejected={String(rejected)} title={t('io.report')}>
      {rejected && error ? <ProblemAlert error={error} testId="import-rejected" hideFieldErrors style={{ marginBottom: 12 }} /> : null}
      {!rejected && report.rejected === 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('io.allImported', { count: report.accepted })} action={kind !== 'licences' ? <Link to={listPath}>{t('io.viewImported')}</Link> : undefined} />
      )}
      {!rejected && report.rejected > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('io.partlyImported', { accepted: report.accepted, rejected: report.rejected })} />}
      <Flex gap={32} style={{ marginBottom: 12 }} wrap>
        <Statistic title={t('io.rows')} value={report.rows} />
        <Statistic title={rejected ? t('io.acceptable') : t('io.accepted')} value={report.accepted} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('io.rejected')} value={report.rejected} styles={{ content: { color: report.rejected ? '#cf1322' : undefined } }} />
      </Flex>
      {report.errors.length > 0 && (
        <Table<ImportRowError>
          rowKey={(r, i) => `${r.row}-${r.field ?? ''}-${i}`}
          size="small"
          dataSource={report.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="import-errors"
          onRow={(r) => ({ 'data-testid': 'import-error-row', 'data-row': r.row, 'data-field': r.field ?? '' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('io.row'), dataIndex: 'row', width: 80 },
            { title: t('io.column'), dataIndex: 'column', width: 80, render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') },
            {
              title: t('io.field'),
              dataIndex: 'field',
              width: 220,
              render: (v: string | null) =>
                v ? (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{importFieldLabel(t, kind, v)}</Typography.Text>
                    <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                      {v}
                    </Typography.Text>
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: t('io.message'), dataIndex: 'message' },
          ]}
        />
      )}
      {report.errorsOmitted ? <Typography.Text type="secondary">{t('io.errorsOmitted', { count: report.errorsOmitted })}</Typography.Text> : null}
    </Card>
  );
}

interface GudidResult {
  items: Array<{ id: string; number: string; name: string; udiDi: string | null; deviceClass: string; registrationNo: string; warnings?: unknown[] }>;
}

function GudidImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ document: string; deviceClass?: 'I' | 'II' | 'III'; categoryCode?: string; reason: string }>();
  const run = useMutation({
    mutationFn: (body: { document: unknown; deviceClass?: string; categoryCode?: string; reason: string }) => api.post<GudidResult>('/master-data/import/gudid', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['master-data'] });
      await qc.invalidateQueries({ queryKey: ['qualification'] });
    },
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const doc = parseGudidInput(v.document);
    if (!doc.ok) {
      form.setFields([{ name: 'document', errors: [t('io.gudidInvalid')] }]);
      return;
    }
    const res = await run
      .mutateAsync({ document: doc.value, reason: v.reason.trim(), ...(v.deviceClass ? { deviceClass: v.deviceClass } : {}), ...(v.categoryCode?.trim() ? { categoryCode: v.categoryCode.trim() } : {}) })
      .catch(() => null);
    if (res) void message.success(t('io.gudidCreated', { count: res.items.length }));
  };

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('io.gudidIntro')} />
      <Form form={form} layout="vertical" onValuesChange={() => run.reset()}>
        <Form.Item name="document" label={t('io.gudidDocument')} extra={t('io.gudidDocumentHelp')} rules={[{ required: true, whitespace: true, message: t('io.gudidInvalid') }]}>
          <Input.TextArea rows={10} style={{ fontFamily: 'monospace', fontSize: 12 }} placeholder='{"gudid":{"device":{"identifiers":{"identifier":[{"deviceId":"00643169007222","deviceIdType":"Primary",…}]},…}}}' data-testid="gudid-document" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="deviceClass" label={t('io.gudidDeviceClass')} extra={t('io.gudidDeviceClassHelp')}>
              <Select allowClear data-testid="gudid-deviceClass" options={(['I', 'II', 'III'] as const).map((c) => ({ value: c, label: t(`product.deviceClass.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="categoryCode" label={t('product.fields.categoryCode')} rules={[{ pattern: /^\d{2}(-\d{2}){0,2}$/, message: t('validation.categoryCode') }]}>
              <Input placeholder={t('product.placeholders.categoryCode')} data-testid="gudid-categoryCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
              <Input placeholder={t('common.reasonPlaceholder')} data-testid="gudid-reason" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={run.isPending} onClick={() => void submit()} data-testid="gudid-submit">
          {t('io.gudidButton')}
        </Button>
      </Form>
      {run.error ? <ProblemAlert error={run.error} testId="gudid-error" /> : null}
      {run.data && (
        <Result
          status="success"
          title={t('io.gudidCreated', { count: run.data.items.length })}
          subTitle={t('io.gudidNext')}
          extra={
            <Descriptions
              size="small"
              bordered
              column={1}
              data-testid="gudid-result"
              items={run.data.items.map((i) => ({
                key: i.id,
                label: <Link to={`/master-data/products/${i.id}`}>{i.number}</Link>,
                children: (
                  <Space wrap>
                    {i.name}
                    {i.udiDi && <Typography.Text code>{i.udiDi}</Typography.Text>}
                    <Tag>{t(`product.deviceClass.${(i.deviceClass as 'I' | 'II' | 'III') ?? 'II'}`)}</Tag>
                  </Space>
                ),
              }))}
            />
          }
        />
      )}
    </Flex>
  );
}
