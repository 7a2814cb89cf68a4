import { Image, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { FileImageOutlined, FilePdfOutlined, FileOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchFileInfo, fileUrl } from '../api/client.ts';
import { isImageMime } from './files.ts';

export function useFileInfo(id: string | null | undefined) {
  return useQuery({
    queryKey: ['file-info', id],
    queryFn: ({ signal }) => fetchFileInfo(id!, signal),
    enabled: !!id,
    staleTime: Infinity,
  });
}

/** A link that opens a stored scan in a new tab (PDF or image). */
export function FileLink({ id, label, testId }: { id: string | null | undefined; label?: React.ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const info = useFileInfo(id);
  if (!id) return <Typography.Text type="secondary">{t('files.none')}</Typography.Text>;
  const icon = info.data ? isImageMime(info.data.mime) ? <FileImageOutlined /> : info.data.mime === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined /> : <FileOutlined />;
  return (
    <Tooltip title={info.data?.sha256 ? `SHA-256 ${info.data.sha256}` : undefined}>
      <a href={fileUrl(id)} target="_blank" rel="noreferrer" data-testid={testId} data-file-id={id}>
        <Space size={4}>
          {icon}
          {label ?? info.data?.name ?? t('files.open')}
        </Space>
      </a>
    </Tooltip>
  );
}

/** Inline preview for images (label samples, seals), a link for PDFs. */
export function FilePreview({ id, testId, height = 120 }: { id: string | null | undefined; testId?: string; height?: number }) {
  const { t } = useTranslation();
  const info = useFileInfo(id);
  if (!id) return <Tag data-testid={testId ? `${testId}-missing` : undefined}>{t('files.none')}</Tag>;
  if (info.isPending) return <Spin size="small" />;
  if (info.data && isImageMime(info.data.mime)) {
    return (
      <Space orientation="vertical" size={4} data-testid={testId} data-file-id={id} data-mime={info.data.mime}>
        <Image src={fileUrl(id)} alt={info.data.name ?? ''} style={{ maxHeight: height, maxWidth: 360, objectFit: 'contain', border: '1px solid #f0f0f0', borderRadius: 4, background: '#fafafa' }} />
        <FileLink id={id} />
      </Space>
    );
  }
  return (
    <span data-testid={testId} data-file-id={id} data-mime={info.data?.mime ?? ''}>
      <FileLink id={id} />
    </span>
  );
}
