import { Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/format.ts';
import { isSignatureMeaning, type SignatureView } from './types.ts';

export function MeaningTag({ meaning }: { meaning: string }) {
  const { t } = useTranslation();
  const color = meaning === 'rejected' ? 'red' : meaning === 'approved' || meaning === 'released' ? 'green' : 'blue';
  return (
    <Tag color={color} data-testid="signature-meaning-tag">
      {isSignatureMeaning(meaning) ? t(`meaning.${meaning}`) : meaning}
    </Tag>
  );
}

/**
 * Signature manifestation (21 CFR 11.50): for each signature the signer's
 * printed name, the date and time of signing and the meaning.
 */
export function SignatureManifest({ signatures, compact = false }: { signatures: readonly SignatureView[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (signatures.length === 0) {
    return compact ? null : (
      <Typography.Text type="secondary" data-testid="signature-manifest-empty">
        <SafetyCertificateOutlined style={{ marginInlineEnd: 6 }} />
        {t('signature.manifestEmpty')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="signature-manifest" className="signature-manifest">
      {signatures.map((s, i) => (
        <div
          key={`${s.signedAt}-${i}`}
          className="signature-manifest-item"
          data-testid="signature-manifest-item"
          data-meaning={s.meaning}
          data-valid={String(s.valid)}
        >
          <SafetyCertificateOutlined style={{ color: s.valid ? '#0b5cad' : '#999', fontSize: 18 }} />
          <Typography.Text strong data-testid="signature-signer-name" delete={!s.valid}>
            {s.signerName}
          </Typography.Text>
          <MeaningTag meaning={s.meaning} />
          <Typography.Text type="secondary" data-testid="signature-signed-at">
            {formatDateTime(s.signedAt)}
          </Typography.Text>
          {s.valid ? (
            <Tag icon={<CheckCircleFilled />} color="success" variant="outlined">
              {t('signature.valid')}
            </Tag>
          ) : (
            <Tag icon={<CloseCircleFilled />} color="default">
              {t('signature.invalid')}
            </Tag>
          )}
        </div>
      ))}
    </div>
  );
}
