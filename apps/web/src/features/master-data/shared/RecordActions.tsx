import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SignatureDialog } from '../../../platform/signature/SignatureDialog.tsx';
import type { SignaturePayload } from '../../../platform/signature/types.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import type { ActionRequest } from './resource.ts';
import { pendingApproval, visibleActions, type MasterRecord, type RecordAction } from './types.ts';

interface RecordActionsProps {
  record: MasterRecord;
  /** Shown in dialogs: what is being acted on. */
  subject: React.ReactNode;
  onEdit: () => void;
  perform: (req: ActionRequest) => Promise<unknown>;
}

const ICONS: Record<RecordAction, React.ReactNode> = {
  update: <EditOutlined />,
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  reject: <CloseOutlined />,
};

/** Buttons for the record's `allowedActions`, with the submit and signature dialogs. */
export function RecordActions({ record, subject, onEdit, perform }: RecordActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<RecordAction | null>(null);

  const actions = visibleActions(record.allowedActions);
  if (actions.length === 0) return null;

  const open = (a: RecordAction) => (a === 'update' ? onEdit() : setDialog(a));

  const doSubmit = async (reason: string | undefined) => {
    await perform({ action: 'submit', body: reason ? { reason } : {} });
    setDialog(null);
    void message.success(t('actions.submitted'));
  };

  const sign = (action: 'approve' | 'reject') => async (payload: SignaturePayload) => {
    if (action === 'reject') {
      await perform({ action, body: { ...payload, reason: payload.reason ?? '' } });
      setDialog(null);
      void message.success(t('actions.rejected'));
      return;
    }
    const result = await perform({ action, body: payload });
    setDialog(null);
    const pending = pendingApproval(result);
    if (pending) void message.info(t('actions.approvalRecorded', pending));
    else void message.success(t('actions.approved'));
  };

  return (
    <>
      <Space wrap data-testid="record-actions">
        {actions.map((a) => (
          <Button
            key={a}
            data-testid={`action-${a}`}
            icon={ICONS[a]}
            type={a === 'approve' || (a === 'submit' && !actions.includes('approve')) ? 'primary' : 'default'}
            danger={a === 'reject'}
            onClick={() => open(a)}
          >
            {t(`actions.${a}`)}
          </Button>
        ))}
      </Space>

      <Modal open={dialog === 'submit'} title={t('actions.submitTitle')} onCancel={() => setDialog(null)} footer={null} destroyOnHidden>
        <SubmitForm subject={subject} onSubmit={doSubmit} onCancel={() => setDialog(null)} />
      </Modal>

      <SignatureDialog
        open={dialog === 'approve'}
        title={t('actions.approve')}
        subject={subject}
        meanings={['approved']}
        onSubmit={sign('approve')}
        onCancel={() => setDialog(null)}
      />
      <SignatureDialog
        open={dialog === 'reject'}
        title={t('actions.reject')}
        subject={subject}
        meanings={['rejected']}
        reasonRequired
        onSubmit={sign('reject')}
        onCancel={() => setDialog(null)}
      />
    </>
  );
}

/** Body of the submit-for-review dialog; mounted afresh at every opening. */
function SubmitForm({ subject, onSubmit, onCancel }: { subject: React.ReactNode; onSubmit: (reason: string | undefined) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
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
      <Typography.Paragraph>{subject}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('actions.submitConfirm')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={(v: { reason?: string }) => void submit(v)}>
        <Form.Item name="reason" label={t('common.reason')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('common.reasonOptionalPlaceholder')} data-testid="submit-reason" />
        </Form.Item>
        {error ? <ProblemAlert error={error} testId="submit-error" style={{ marginBottom: 12 }} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} data-testid="submit-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-confirm">
            {t('actions.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
