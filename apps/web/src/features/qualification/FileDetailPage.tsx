import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Form, Input, Modal, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  FileSearchOutlined,
  LockOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AuditHistoryPanel } from '../../platform/audit/AuditHistoryPanel.tsx';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { isApiError, toProblem } from '../../platform/api/problem.ts';
import { formatDateTime } from '../../platform/format/format.ts';
import { PERMS } from '../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { ReasonDialog } from '../../platform/reason/ReasonDialog.tsx';
import { SignatureDialog } from '../../platform/signature/SignatureDialog.tsx';
import { SignatureManifest } from '../../platform/signature/SignatureManifest.tsx';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import { useFileAction, useQualificationFile, type FileActionRequest } from './api.ts';
import { incompleteItems, missingItemKey, subjectPath } from './model.ts';
import { FileStatusTag, useLocalized } from './QualificationTags.tsx';
import { MissingList } from './SubjectPanels.tsx';
import { FILE_ACTIONS, QUALIFICATION_FILE_AUDIT_TABLE, type FileAction, type QualificationFile } from './types.ts';

const ICONS: Record<FileAction, React.ReactNode> = {
  submit: <SendOutlined />,
  review: <FileSearchOutlined />,
  approve: <CheckOutlined />,
  reject: <CloseOutlined />,
  lock: <LockOutlined />,
  reinstate: <UnlockOutlined />,
};

/** 首营档案 detail: subject, status, what is missing, signatures, the actions the server allows, audit trail. */
export default function FileDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const q = useQualificationFile(id);
  const [tab, setTab] = useState('details');

  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (q.isError || !q.data) {
    if (isApiError(q.error) && q.error.status === 404) {
      return <Result status="404" title={t('errors.notFound')} extra={<Button onClick={() => navigate('/qualification/files')}>{t('common.back')}</Button>} />;
    }
    return <ProblemAlert error={q.error} testId="file-load-error" />;
  }
  const file = q.data;

  return (
    <div data-testid="file-detail" data-record-id={file.id} data-status={file.status}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/qualification">{t('menu.qualification')}</Link> }, { title: <Link to="/qualification/files">{t('qualification.filesTitle')}</Link> }, { title: file.number }]}
      />
      <Card className="page-card">
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Space align="start" size={12}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/qualification/files')} aria-label={t('common.back')} data-testid="back" />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="file-title">
                {t(`qualification.kindTitle.${file.kind}`)}
                {t('common.colon')}
                {file.subjectName ?? file.subjectId}
              </Typography.Title>
              <Space size={8} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" copyable={{ text: file.number }} data-testid="file-number">
                  {file.number}
                </Typography.Text>
                <FileStatusTag status={file.status} testId="file-status" />
              </Space>
            </div>
          </Space>
          <FileActions file={file} />
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 6 }}
          items={[
            { key: 'kind', label: t('qualification.kindLabel'), children: <Tag>{t(`qualification.kind.${file.kind}`)}</Tag> },
            {
              key: 'subject',
              label: t('qualification.subject'),
              children: (
                <Link to={subjectPath(file.kind, file.subjectId)} data-testid="file-subject-link">
                  {file.subjectName ?? file.subjectId}
                </Link>
              ),
            },
            { key: 'version', label: t('common.version'), children: file.version },
            { key: 'createdBy', label: t('common.createdBy'), children: file.createdBy?.displayName ?? '—' },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(file.createdAt) },
            { key: 'reviewedAt', label: t('qualification.reviewedAt'), children: formatDateTime(file.reviewedAt) },
          ]}
        />
      </Card>

      <FileHints file={file} />

      <Card
        className="page-card"
        style={{ marginTop: 16 }}
        size="small"
        title={
          <Space>
            <SafetyCertificateOutlined />
            {t('signature.manifestTitle')}
          </Space>
        }
        data-testid="file-signatures"
      >
        <SignatureManifest signatures={file.signatures ?? []} />
      </Card>

      <Card className="page-card" style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'details',
              label: (
                <span data-testid="tab-details">
                  <ProfileOutlined /> {t('common.details')}
                </span>
              ),
              children: (
                <Flex vertical gap={16}>
                  <Descriptions
                    bordered
                    size="small"
                    column={1}
                    styles={{ label: { width: 180 } }}
                    items={[
                      { key: 'requirement', label: t('qualification.basis'), children: t(`qualification.basisText.${file.kind}`) },
                      { key: 'note', label: t('qualification.note'), children: file.note || '—' },
                    ]}
                  />
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {t('qualification.flowHelp')}
                  </Typography.Paragraph>
                </Flex>
              ),
            },
            ...(can(PERMS.auditHistoryRead)
              ? [
                  {
                    key: 'audit',
                    label: (
                      <span data-testid="tab-audit">
                        <AuditOutlined /> {t('audit.tab')}
                      </span>
                    ),
                    children: <AuditHistoryPanel table={QUALIFICATION_FILE_AUDIT_TABLE} id={file.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}

function FileHints({ file }: { file: QualificationFile }) {
  const { t } = useTranslation();
  return (
    <>
      {file.missing.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <MissingList file={file} />
        </div>
      )}
      {file.status === 'locked' && <Alert type="error" showIcon icon={<LockOutlined />} style={{ marginTop: 16 }} title={t('qualification.lockedFileHint')} data-testid="file-locked-hint" />}
      {file.status === 'rejected' && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('actions.rejectedHint')} />}
      {file.status === 'approved' && (
        <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('qualification.approvedHint')} data-testid="file-approved-hint" />
      )}
    </>
  );
}

/** Buttons for the file's `allowedActions`: submit, review ✍, approve ✍, reject ✍, lock, reinstate ✍. */
function FileActions({ file }: { file: QualificationFile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useFileAction(file.id);
  const [dialog, setDialog] = useState<FileAction | null>(null);
  const allowed = FILE_ACTIONS.filter((a) => file.allowedActions.includes(a));
  const subject = (
    <Space>
      <Typography.Text code>{file.number}</Typography.Text>
      <Typography.Text strong>{file.subjectName}</Typography.Text>
    </Space>
  );

  const run = async (req: FileActionRequest, done: string) => {
    await action.mutateAsync(req);
    setDialog(null);
    void message.success(done);
  };
  const sign = (a: 'review' | 'approve' | 'reject' | 'reinstate') => (payload: SignaturePayload) =>
    run({ action: a, body: payload }, t(`qualification.done.${a}`));

  if (allowed.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="record-actions">
        {allowed.map((a) => (
          <Button
            key={a}
            data-testid={`action-${a}`}
            icon={ICONS[a]}
            type={a === 'approve' || a === 'review' || a === 'reinstate' || (a === 'submit' && allowed.length <= 2) ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'lock'}
            onClick={() => setDialog(a)}
          >
            {t(`qualification.actions.${a}`)}
          </Button>
        ))}
      </Space>

      <Modal open={dialog === 'submit'} title={t('qualification.actions.submit')} onCancel={() => setDialog(null)} footer={null} destroyOnHidden width={600}>
        <SubmitFileForm file={file} onCancel={() => setDialog(null)} onSubmit={(reason) => run({ action: 'submit', body: reason ? { reason } : {} }, t('qualification.done.submit'))} />
      </Modal>
      <SignatureDialog open={dialog === 'review'} title={t('qualification.actions.review')} subject={subject} meanings={['reviewed']} onSubmit={sign('review')} onCancel={() => setDialog(null)} />
      <SignatureDialog open={dialog === 'approve'} title={t('qualification.actions.approve')} subject={subject} meanings={['approved']} onSubmit={sign('approve')} onCancel={() => setDialog(null)} />
      <SignatureDialog open={dialog === 'reject'} title={t('qualification.actions.reject')} subject={subject} meanings={['rejected']} reasonRequired onSubmit={sign('reject')} onCancel={() => setDialog(null)} />
      <SignatureDialog
        open={dialog === 'reinstate'}
        title={t('qualification.actions.reinstate')}
        subject={subject}
        meanings={['approved']}
        reasonRequired
        onSubmit={sign('reinstate')}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'lock'}
        title={t('qualification.actions.lock')}
        text={t('qualification.lockText')}
        danger
        okText={t('qualification.actions.lock')}
        testId="lock"
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => run({ action: 'lock', body: { reason } }, t('qualification.done.lock'))}
      />
    </>
  );
}

/** Submit dialog; a 422 QUALIFICATION_INCOMPLETE lists every missing item in the UI language. */
function SubmitFileForm({ file, onSubmit, onCancel }: { file: QualificationFile; onSubmit: (reason: string | undefined) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = error ? toProblem(error) : null;
  const missingKeys = problem ? incompleteItems(problem) : [];
  const byKey = new Map(file.missing.map((m) => [m.item, m]));

  const submit = async (values: { reason?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values.reason?.trim() || undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('qualification.submitConfirm')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={(v: { reason?: string }) => void submit(v)}>
        <Form.Item name="reason" label={t('common.reason')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('common.reasonOptionalPlaceholder')} data-testid="submit-reason" />
        </Form.Item>
        {error ? (
          <ProblemAlert
            error={error}
            testId="submit-error"
            style={{ marginBottom: 12 }}
            extraErrors={
              missingKeys.length
                ? missingKeys.map((k) => {
                    const known = byKey.get(k);
                    const key = missingItemKey(k);
                    return { path: '', message: known ? `${loc(known.message)}（${known.requirement}）` : key ? t(`qualification.missingItems.${key}`) : k };
                  })
                : undefined
            }
          />
        ) : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} data-testid="submit-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-confirm">
            {t('qualification.actions.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
