import { useEffect, useState, type ReactNode } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../problem/ProblemAlert.tsx';

interface ReasonDialogProps {
  open: boolean;
  title: ReactNode;
  text?: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  /** Test-id prefix: `<id>-reason`, `<id>-confirm`, `<id>-cancel`. */
  testId: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}

/** Confirmation dialog that records a mandatory reason (audit trail) for an administrative action. */
export function ReasonDialog({ open, title, text, okText, danger, testId, onSubmit, onCancel }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setError(null);
      form.resetFields();
    }
  }, [open, form]);

  const ok = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values.reason.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={ok}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ danger, 'data-testid': `${testId}-confirm` }}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` }}
    >
      {text ? <Typography.Paragraph>{text}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('common.reasonPlaceholder')} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} testId={`${testId}-error`} /> : null}
    </Modal>
  );
}
