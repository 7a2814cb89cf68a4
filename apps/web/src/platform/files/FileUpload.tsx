import { useRef, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { CloseOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useProblemMessage } from '../problem/useProblemMessage.tsx';
import { FileLink } from './FileView.tsx';
import { bytesToBase64, MAX_UPLOAD_BYTES, UPLOAD_ACCEPT, uploadMimeOf } from './files.ts';

interface FileUploadProps {
  /** The stored file id (form value). */
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** `<testId>-input` is the file input, `<testId>-link` the uploaded file, `<testId>-clear` removes it. */
  testId: string;
  disabled?: boolean;
}

/**
 * Form control for a scanned document: picks a PDF/PNG/JPEG, uploads it (POST /files, Base64) and
 * holds the returned file id. Files are insert-only on the server: replacing uploads a new file.
 */
export function FileUpload({ value, onChange, testId, disabled }: FileUploadProps) {
  const { t } = useTranslation();
  const showProblem = useProblemMessage();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setLocalError(null);
    const mime = uploadMimeOf(file.name, file.type);
    if (!mime) return setLocalError(t('files.badType'));
    if (file.size > MAX_UPLOAD_BYTES) return setLocalError(t('files.tooLarge'));
    setBusy(true);
    try {
      const content = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const res = await api.post<{ id: string; sha256: string }>('/files', { name: file.name, mime, contentBase64: content });
      onChange?.(res.id);
    } catch (err) {
      showProblem(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={4} data-testid={testId} data-file-id={value ?? ''}>
      <Flex gap={8} align="center" wrap>
        <input
          ref={input}
          type="file"
          accept={UPLOAD_ACCEPT}
          style={{ display: 'none' }}
          data-testid={`${testId}-input`}
          disabled={disabled}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()} data-testid={`${testId}-button`}>
          {value ? t('files.replace') : t('files.upload')}
        </Button>
        {value ? (
          <>
            <FileLink id={value} testId={`${testId}-link`} />
            {!disabled && (
              <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('files.remove')} onClick={() => onChange?.(null)} data-testid={`${testId}-clear`} />
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('files.hint')}</Typography.Text>
        )}
      </Flex>
      {localError && <Typography.Text type="danger">{localError}</Typography.Text>}
    </Flex>
  );
}
