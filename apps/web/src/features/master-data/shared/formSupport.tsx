import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Flex, Form, Input, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { mapFieldErrors, toProblem } from '../../../platform/api/problem.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';

/**
 * Puts server-side `errors[].path` messages onto the matching form fields and
 * returns the ones that match no field (shown in the page alert).
 */
export function applyServerErrors(form: FormInstance, err: unknown, knownFields: readonly string[]): Array<{ path: string; message: string }> {
  const mapped = mapFieldErrors(toProblem(err), knownFields);
  if (mapped.fields.length > 0) {
    form.setFields(mapped.fields);
    void form.scrollToField(mapped.fields[0]!.name, { block: 'center' });
  }
  return mapped.other;
}

/** Tracks the last submit error and the field errors that found no field. */
export function useServerErrorState() {
  const [error, setError] = useState<unknown>(null);
  const [other, setOther] = useState<Array<{ path: string; message: string }>>([]);
  return {
    error,
    other,
    clear: () => {
      setError(null);
      setOther([]);
    },
    set: (form: FormInstance, err: unknown, fields: readonly string[]) => {
      setError(err);
      setOther(applyServerErrors(form, err, fields));
    },
  };
}

export function ReasonField({ required, testId }: { required: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('common.reason')}
      rules={required ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []}
      extra={required ? undefined : undefined}
    >
      <Input.TextArea
        rows={2}
        maxLength={1000}
        showCount
        placeholder={required ? t('common.reasonPlaceholder') : t('common.reasonOptionalPlaceholder')}
        data-testid={testId}
      />
    </Form.Item>
  );
}

interface FormShellProps {
  kind: string;
  title: string;
  listTitle: string;
  listPath: string;
  backPath: string;
  saving: boolean;
  error: unknown;
  otherErrors: Array<{ path: string; message: string }>;
  notice?: ReactNode;
  /** Shown above the form (e.g. what a change request does). */
  intro?: ReactNode;
  saveLabel?: ReactNode;
  onSave: () => void;
  children: ReactNode;
}

/** Page frame for create/edit forms: breadcrumb, title, problem alert, sticky save bar. */
export function FormShell({ kind, title, listTitle, listPath, backPath, saving, error, otherErrors, notice, intro, saveLabel, onSave, children }: FormShellProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid={`${kind}-form`}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <a onClick={() => navigate(listPath)}>{listTitle}</a> }, { title }]} />
      <Card className="page-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {notice ? <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {intro ? <Alert type="info" showIcon title={intro} style={{ marginBottom: 16 }} data-testid={`${kind}-form-intro`} /> : null}
        {error ? (
          <ProblemAlert error={error} extraErrors={otherErrors} testId={`${kind}-form-error`} style={{ marginBottom: 16 }} />
        ) : null}
        {children}
        <Flex justify="flex-end" className="form-actions">
          <Space>
            <Button onClick={() => navigate(backPath)} data-testid={`${kind}-form-cancel`}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" loading={saving} onClick={onSave} data-testid={`${kind}-form-submit`} disabled={!!notice}>
              {saveLabel ?? t('common.save')}
            </Button>
          </Space>
        </Flex>
      </Card>
    </div>
  );
}
