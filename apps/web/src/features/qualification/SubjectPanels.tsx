import { Link, useNavigate } from 'react-router';
import { App, Alert, Button, Empty, Flex, List, Space, Table, Tag, Typography } from 'antd';
import { DiffOutlined, FolderAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDateTime } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { useProblemMessage } from '../../platform/problem/useProblemMessage.tsx';
import { SignatureManifest } from '../../platform/signature/SignatureManifest.tsx';
import { QUAL_PERMS, useChangeRequests, useCreateFile, useQualificationFiles } from './api.ts';
import { currentFile } from './model.ts';
import { ChangeStatusTag } from './ChangeStatusTag.tsx';
import { FileStatusTag, useLocalized } from './QualificationTags.tsx';
import type { ChangeRequest, FileKind, QualificationFile } from './types.ts';

/** What the file still lacks, in the UI language, with the requirement ID. */
export function MissingList({ file, testId = 'file-missing' }: { file: Pick<QualificationFile, 'missing' | 'status'>; testId?: string }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  if (file.missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={t('qualification.missingTitle', { count: file.missing.length })}
      description={
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {file.missing.map((m) => (
            <li key={m.item} data-testid="file-missing-item" data-item={m.item}>
              {loc(m.message)}{' '}
              <Tag color="blue" style={{ marginInlineStart: 4 }}>
                {m.requirement}
              </Tag>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The 首营 files of one product or party, with 建立首营档案 for each applicable kind that has none open. */
export function SubjectFilesPanel({ subjectId, kinds }: { subjectId: string; kinds: readonly FileKind[] }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showProblem = useProblemMessage();
  const files = useQualificationFiles({ subjectId });
  const create = useCreateFile();

  if (files.isError) return <ProblemAlert error={files.error} testId="subject-files-error" />;
  const items = files.data?.items ?? [];
  const open = (kind: FileKind) => {
    const current = currentFile(items.filter((f) => f.kind === kind));
    return current && current.status !== 'rejected' ? current : null;
  };
  const creatable = kinds.filter((k) => !open(k));

  const start = async (kind: FileKind) => {
    try {
      const res = await create.mutateAsync({ kind, subjectId });
      void message.success(t('qualification.fileCreated', { number: res.number }));
      navigate(`/qualification/files/${res.id}`);
    } catch (err) {
      showProblem(err);
    }
  };

  return (
    <div data-testid="subject-files">
      {can(QUAL_PERMS.fileCreate) && creatable.length > 0 && (
        <Space style={{ marginBottom: 12 }} wrap>
          {creatable.map((kind) => (
            <Button key={kind} type="primary" icon={<FolderAddOutlined />} loading={create.isPending} onClick={() => void start(kind)} data-testid={`file-create-${kind}`}>
              {t('qualification.createFileFor', { kind: t(`qualification.kind.${kind}`) })}
            </Button>
          ))}
        </Space>
      )}
      <List<QualificationFile>
        loading={files.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('qualification.noFile')} /> }}
        renderItem={(f) => (
          <List.Item data-testid="subject-file" data-status={f.status} extra={<SignatureManifest signatures={f.signatures} compact />}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/qualification/files/${f.id}`} data-testid="subject-file-link">
                    {f.number}
                  </Link>
                  <Tag>{t(`qualification.kind.${f.kind}`)}</Tag>
                  <FileStatusTag status={f.status} testId="subject-file-status" />
                </Space>
              }
              description={
                <Flex vertical gap={8}>
                  <Typography.Text type="secondary">
                    {t('common.updatedAt')}
                    {t('common.colon')}
                    {formatDateTime(f.updatedAt)}
                  </Typography.Text>
                  <MissingList file={f} />
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}

/** Change requests that target one record. */
export function SubjectChangeRequestsPanel({ targetId, fieldLabel }: { targetId: string; fieldLabel: (field: string) => string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const q = useChangeRequests({ targetId }, can(QUAL_PERMS.changeRead));
  if (!can(QUAL_PERMS.changeRead)) return <Alert type="info" showIcon title={t('changeRequest.noPermission')} />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  return (
    <Table<ChangeRequest>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={q.data?.items ?? []}
      pagination={false}
      data-testid="subject-change-requests"
      locale={{ emptyText: t('changeRequest.empty') }}
      columns={[
        { title: t('common.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/qualification/change-requests/${r.id}`}>{v}</Link> },
        {
          title: t('changeRequest.fields'),
          key: 'fields',
          render: (_: unknown, r) => (
            <Flex gap={4} wrap>
              {Object.keys(r.changes).map((f) => (
                <Tag key={f}>{fieldLabel(f)}</Tag>
              ))}
            </Flex>
          ),
        },
        { title: t('common.status'), dataIndex: 'status', render: (v: string) => <ChangeStatusTag status={v} /> },
        { title: t('common.createdBy'), key: 'by', render: (_: unknown, r) => r.createdBy?.displayName ?? '—' },
        { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}

/** 申请变更: approved master data changes only through change control. */
export function ChangeRequestButton({ status, path }: { status: string; path: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  if (status !== 'approved' || !can(QUAL_PERMS.changeCreate)) return null;
  return (
    <Button icon={<DiffOutlined />} onClick={() => navigate(path)} data-testid="action-change-request">
      {t('changeRequest.create')}
    </Button>
  );
}
