import { useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext.tsx';
import { mapFieldErrors, toProblem } from '../api/problem.ts';
import { ProblemAlert } from '../problem/ProblemAlert.tsx';
import { buildSignaturePayload, SIGNATURE_MEANINGS, type SignatureMeaning, type SignaturePayload } from './types.ts';

export interface SignatureDialogProps {
  open: boolean;
  /** Dialog title, e.g. "批准". Defaults to "电子签名". */
  title?: ReactNode;
  /** What is being signed, e.g. "P-000012 一次性使用无菌注射器". */
  subject?: ReactNode;
  /** Meanings offered; the first is preselected unless `defaultMeaning` is given. */
  meanings?: readonly SignatureMeaning[];
  defaultMeaning?: SignatureMeaning;
  /** The action needs a reason (e.g. rejection). */
  reasonRequired?: boolean;
  /** Performs the signed request. Reject (throw) to keep the dialog open and show the problem. */
  onSubmit: (payload: SignaturePayload) => Promise<unknown>;
  onCancel: () => void;
}

interface FormValues {
  meaning: SignatureMeaning;
  reason?: string;
  password: string;
}

/**
 * Reusable electronic-signature dialog (21 CFR 11.50 / 11.200): shows the
 * signer's printed name from the session (not editable), the meaning, an
 * optional or required reason, and asks for the password at every signing.
 */
export function SignatureDialog({ open, title, onCancel, ...rest }: SignatureDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#0b5cad', marginInlineEnd: 8 }} />
          {title ?? t('signature.title')}
        </span>
      }
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      {/* The body mounts afresh at every opening: no password or error survives a closed dialog. */}
      <SignatureForm onCancel={onCancel} {...rest} />
    </Modal>
  );
}

function SignatureForm({
  subject,
  meanings = SIGNATURE_MEANINGS,
  defaultMeaning,
  reasonRequired = false,
  onSubmit,
  onCancel,
}: Omit<SignatureDialogProps, 'open' | 'title'>) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // field errors are shown by the form
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(buildSignaturePayload(values));
    } catch (err) {
      const problem = toProblem(err);
      const mapped = mapFieldErrors(
        {
          ...problem,
          errors: problem.errors?.map((e) => ({ ...e, path: String(Array.isArray(e.path) ? e.path.join('.') : e.path).replace(/^\/?signature[./]/, '') })),
        },
        ['meaning', 'reason', 'password'],
      );
      form.setFieldValue('password', '');
      form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="signature-dialog-body">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('signature.intro')}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          ...(subject ? [{ key: 'subject', label: t('signature.record'), children: subject }] : []),
          {
            key: 'signer',
            label: t('signature.signer'),
            children: (
              <span data-testid="signature-signer">
                <Typography.Text strong>{user?.displayName ?? '—'}</Typography.Text>
                {user && <Typography.Text type="secondary"> ({user.username})</Typography.Text>}
              </span>
            ),
          },
        ]}
      />
      <Form<FormValues> form={form} layout="vertical" requiredMark initialValues={{ meaning: defaultMeaning ?? meanings[0] }} onFinish={() => void submit()}>
        <Form.Item name="meaning" label={t('signature.meaning')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('signature.meaning') }) }]}>
          <Select
            data-testid="signature-meaning"
            options={meanings.map((m) => ({ value: m, label: <span data-testid={`signature-meaning-${m}`}>{t(`meaning.${m}`)}</span> }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('signature.reason')} rules={reasonRequired ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []}>
          <Input.TextArea
            data-testid="signature-reason"
            rows={3}
            maxLength={1000}
            showCount
            placeholder={reasonRequired ? t('common.reasonPlaceholder') : t('common.reasonOptionalPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="password" label={t('signature.password')} rules={[{ required: true, message: t('signature.passwordRequired') }]}>
          <Input.Password data-testid="signature-password" autoComplete="current-password" placeholder={t('signature.passwordPlaceholder')} />
        </Form.Item>
        <Alert type="info" showIcon title={t('signature.statement')} style={{ marginBottom: 12 }} />
        {error ? <ProblemAlert error={error} testId="signature-error" hideFieldErrors style={{ marginBottom: 12 }} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel} data-testid="signature-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="signature-confirm">
            {t('signature.confirm')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
