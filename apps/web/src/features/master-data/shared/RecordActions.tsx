import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SignatureDialog } from '../../../platform/signature/SignatureDialog.tsx';
import type { SignaturePayload } from '../../../platform/signature/types.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import type { ActionRequest } from './resource.ts';
import { visibleActions, type MasterRecord, type RecordAction } from './types.ts';

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
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitForm] = Form.useForm<{ reason?: string }>();

  const actions = visibleActions(record.allowedActions);
  if (actions.length === 0) return null;

  const open = (a: RecordAction) => {
    if (a === 'update') return onEdit();
    setSubmitError(null);
    submitForm.resetFields();
    setDialog(a);
  };

  const doSubmit = async () => {
    const reason = (submitForm.getFieldValue('reason') as string | undefined)?.trim();
    setSubmitting(true);
    setSubmitError(null);
    try {
      await perform({ action: 'submit', body: reason ? { reason } : {} });
      setDialog(null);
      void message.success(t('actions.submitted'));
    } catch (err) {
      setSubmitError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const sign = (action: 'approve' | 'reject') => async (payload: SignaturePayload) => {
    if (action === 'approve') await perform({ action, body: payload });
    else await perform({ action, body: { ...payload, reason: payload.reason ?? '' } });
    setDialog(null);
    void message.success(t(action === 'approve' ? 'actions.approved' : 'actions.rejected'));
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

      <Modal
        open={dialog === 'submit'}
        title={t('actions.submitTitle')}
        okText={t('actions.submit')}
        cancelText={t('common.cancel')}
        onOk={doSubmit}
        onCancel={() => setDialog(null)}
        confirmLoading={submitting}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'submit-confirm' }}
        cancelButtonProps={{ 'data-testid': 'submit-cancel' }}
      >
        <Typography.Paragraph>{subject}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('actions.submitConfirm')}</Typography.Paragraph>
        <Form form={submitForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('common.reason')}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('common.reasonOptionalPlaceholder')} data-testid="submit-reason" />
          </Form.Item>
        </Form>
        {submitError ? <ProblemAlert error={submitError} testId="submit-error" /> : null}
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
