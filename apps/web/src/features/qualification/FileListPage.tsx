import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { FolderAddOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDateTime } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { isSignatureMeaning } from '../../platform/signature/types.ts';
import { recordOption, useAllParties, useAllProducts } from '../master-data/shared/pickers.ts';
import { QUAL_PERMS, useCreateFile, useQualificationFiles } from './api.ts';
import { partyFileKinds, subjectPath } from './model.ts';
import { FileStatusTag, useLocalized } from './QualificationTags.tsx';
import { FILE_KINDS, FILE_STATUSES, type FileKind, type QualificationFile } from './types.ts';

/** 首营档案 list with kind and status filters (kept in the URL). */
export default function FileListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const loc = useLocalized();
  const [search, setSearch] = useSearchParams();
  const kind = (FILE_KINDS as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as FileKind) : undefined;
  const status = search.get('status') || undefined;
  const q = useQualificationFiles({ kind, status });
  const [creating, setCreating] = useState(false);

  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(search);
    if (v) next.set(k, v);
    else next.delete(k);
    setSearch(next);
  };

  return (
    <Card className="page-card" data-testid="file-list">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div style={{ maxWidth: 760 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('qualification.filesTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('qualification.filesIntro')}</Typography.Text>
        </div>
        {can(QUAL_PERMS.fileCreate) && (
          <Button type="primary" icon={<FolderAddOutlined />} onClick={() => setCreating(true)} data-testid="file-new">
            {t('qualification.newFile')}
          </Button>
        )}
      </Flex>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          value={kind}
          placeholder={t('qualification.kindFilter')}
          style={{ width: 180 }}
          onChange={(v?: string) => set('kind', v)}
          options={FILE_KINDS.map((k) => ({ value: k, label: t(`qualification.kind.${k}`) }))}
          data-testid="file-kind-filter"
        />
        <Select
          allowClear
          value={status}
          placeholder={t('status.filterPlaceholder')}
          style={{ width: 180 }}
          onChange={(v?: string) => set('status', v)}
          options={FILE_STATUSES.map((s) => ({ value: s, label: t(`qualification.fileStatus.${s}`) }))}
          data-testid="file-status-filter"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching && !q.isPending}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {q.isError && <ProblemAlert error={q.error} style={{ marginBottom: 16 }} />}
      <Table<QualificationFile>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="file-table"
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            title: t('common.number'),
            dataIndex: 'number',
            fixed: 'left',
            render: (v: string, r) => (
              <Link to={`/qualification/files/${r.id}`} data-testid="file-link" data-number={v}>
                {v}
              </Link>
            ),
          },
          { title: t('qualification.kindLabel'), dataIndex: 'kind', render: (v: FileKind) => <Tag color={v === 'product' ? 'blue' : v === 'supplier' ? 'geekblue' : 'green'}>{t(`qualification.kind.${v}`)}</Tag> },
          {
            title: t('qualification.subject'),
            key: 'subject',
            render: (_: unknown, r) => (
              <Link to={subjectPath(r.kind, r.subjectId)} style={{ color: 'inherit' }}>
                <Typography.Text strong>{r.subjectName ?? r.subjectId}</Typography.Text>
              </Link>
            ),
          },
          { title: t('common.status'), dataIndex: 'status', render: (v: string) => <FileStatusTag status={v} testId="file-row-status" /> },
          {
            title: t('qualification.missingColumn'),
            key: 'missing',
            render: (_: unknown, r) =>
              r.missing.length ? (
                <Tooltip title={<ul style={{ margin: 0, paddingInlineStart: 16 }}>{r.missing.map((m) => <li key={m.item}>{loc(m.message)}</li>)}</ul>}>
                  <Tag color="warning" data-testid="file-row-missing">
                    {t('qualification.missingCount', { count: r.missing.length })}
                  </Tag>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: t('signature.manifestTitle'),
            key: 'signatures',
            render: (_: unknown, r) => {
              const valid = r.signatures.filter((s) => s.valid);
              return valid.length ? (
                <Flex gap={4} wrap>
                  {valid.map((s, i) => (
                    <Tooltip key={`${s.signedAt}-${i}`} title={formatDateTime(s.signedAt)}>
                      <Tag icon={<SafetyCertificateOutlined />} color={s.meaning === 'rejected' ? 'red' : s.meaning === 'approved' ? 'green' : 'blue'} data-testid="file-row-signature">
                        {s.signerName} · {isSignatureMeaning(s.meaning) ? t(`meaning.${s.meaning}`) : s.meaning}
                      </Tag>
                    </Tooltip>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              );
            },
          },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <Typography.Text type="secondary">{formatDateTime(v)}</Typography.Text> },
        ]}
      />
      <Modal open={creating} title={t('qualification.newFile')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden width={620}>
        <CreateFileForm onDone={() => setCreating(false)} />
      </Modal>
    </Card>
  );
}

/** 新建首营档案: kind, subject (a product, or a supplier/customer party), note. */
function CreateFileForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ kind: FileKind; subjectId: string; note?: string }>();
  const kind = Form.useWatch('kind', form) ?? 'product';
  const products = useAllProducts(kind === 'product');
  const parties = useAllParties(kind !== 'product');
  const create = useCreateFile();

  const options =
    kind === 'product'
      ? (products.data?.items ?? []).map((p) => recordOption(p, p.model))
      : (parties.data?.items ?? []).filter((p) => partyFileKinds(p.kinds ?? []).includes(kind)).map((p) => recordOption(p));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const res = await create.mutateAsync({ kind: v.kind, subjectId: v.subjectId, note: v.note?.trim() || null }).catch(() => null);
    if (!res) return;
    void message.success(t('qualification.fileCreated', { number: res.number }));
    onDone();
    navigate(`/qualification/files/${res.id}`);
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'product' }} onValuesChange={(c: { kind?: FileKind }) => c.kind && form.setFieldValue('subjectId', undefined)}>
      <Form.Item name="kind" label={t('qualification.kindLabel')} rules={[{ required: true }]}>
        <Select data-testid="file-form-kind" options={FILE_KINDS.map((k) => ({ value: k, label: t(`qualification.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="subjectId" label={t('qualification.subject')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('qualification.subject') }) }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={products.isFetching || parties.isFetching}
          options={options}
          placeholder={t('qualification.subjectPlaceholder')}
          data-testid="file-form-subject"
        />
      </Form.Item>
      <Form.Item name="note" label={t('qualification.note')}>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="file-form-note" />
      </Form.Item>
      {create.error ? <ProblemAlert error={create.error} testId="file-form-error" style={{ marginBottom: 12 }} /> : null}
      <Flex justify="flex-end">
        <Space>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="file-form-submit">
            {t('common.create')}
          </Button>
        </Space>
      </Flex>
    </Form>
  );
}
