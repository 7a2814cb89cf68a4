import { useState, type ReactNode } from 'react';
import { Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../problem/ProblemAlert.tsx';

interface ReasonDialogProps {
  open: boolean;
  title: ReactNode;
  text?: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  /** Test-id prefix: `<id>-reason`, `<id>-confirm`, `<id>-cancel`, `<id>-error`. */
  testId: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}

/** Confirmation dialog that records a mandatory reason (audit trail) for an administrative action. */
export function ReasonDialog({ open, title, onCancel, ...rest }: ReasonDialogProps) {
  return (
    <Modal open={open} title={title} onCancel={onCancel} footer={null} destroyOnHidden>
      {/* mounted afresh at every opening */}
      <ReasonForm onCancel={onCancel} {...rest} />
    </Modal>
  );
}

function ReasonForm({ text, okText, danger, testId, onSubmit, onCancel }: Omit<ReasonDialogProps, 'open' | 'title'>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { reason: string }) => {
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
    <>
      {text ? <Typography.Paragraph>{text}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('common.reasonPlaceholder')} data-testid={`${testId}-reason`} />
        </Form.Item>
        {error ? <ProblemAlert error={error} testId={`${testId}-error`} style={{ marginBottom: 12 }} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" danger={danger} htmlType="submit" loading={busy} data-testid={`${testId}-confirm`}>
            {okText ?? t('common.confirm')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
