import { useState } from 'react';
import { useParams } from 'react-router';
import { App, Button, Card, Descriptions, Flex, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { SignatureDialog } from '../../platform/signature/SignatureDialog.tsx';
import { SignatureManifest } from '../../platform/signature/SignatureManifest.tsx';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import { trimDecimal } from '../inventory/model.ts';
import { acceptancePdfUrl, useAcceptance, useAcceptanceAction } from './api.ts';
import { RecStatusTag } from './ReceivingTags.tsx';
import type { AcceptanceLine } from './types.ts';

/** 验收记录 detail: the F-CN-5 lines, the inspector's signature (meaning 批准 = the quality decision), the printed record. */
export default function AcceptanceDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useAcceptance(id);
  const action = useAcceptanceAction(id ?? '');
  const [signing, setSigning] = useState(false);

  if (record.isLoading) return <Spin />;
  if (record.error || !record.data) return <ProblemAlert error={record.error} />;
  const a = record.data;
  const allowed = a.allowedActions ?? [];

  const columns: TableColumnsType<AcceptanceLine> = [
    { title: '#', dataIndex: 'lineNo', width: 48 },
    {
      title: t('receiving.fields.product'),
      key: 'product',
      render: (_: unknown, l) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{l.productName}</Typography.Text>
          <Typography.Text type="secondary">{l.model ?? ''}</Typography.Text>
        </Space>
      ),
    },
    { title: t('receiving.fields.lot'), dataIndex: 'lot', render: (v: string, l) => (l.serialCount > 0 ? `${v || ''} (${l.serialCount})` : v || '—') },
    { title: t('receiving.fields.expiry'), dataIndex: 'expiry', render: (v: string | null) => formatDate(v) },
    { title: t('receiving.fields.quantity'), dataIndex: 'quantity', align: 'right', render: (v: string) => trimDecimal(v) },
    {
      title: t('receiving.fields.verdict'),
      dataIndex: 'verdict',
      render: (v: 'accepted' | 'rejected') => (
        <Tag color={v === 'accepted' ? 'green' : 'red'} data-testid="acceptance-line-verdict" data-verdict={v}>
          {t(`receiving.verdicts.${v}`)}
        </Tag>
      ),
    },
    { title: t('receiving.fields.acceptedQuantity'), dataIndex: 'acceptedQuantity', align: 'right', render: (v: string | null) => (v ? trimDecimal(v) : '—') },
    {
      title: `${t('receiving.fields.defects')} / ${t('receiving.fields.disposition')}`,
      key: 'defects',
      render: (_: unknown, l) => (l.defects ? `${l.defects}${l.disposition ? ` · ${t(`receiving.dispositions.${l.disposition}`)}` : ''}` : '—'),
    },
  ];

  return (
    <Card className="page-card" data-testid="acceptance-detail" data-status={a.status}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="acceptance-number">
            {t('receiving.acceptanceTitle', { number: a.number })}
          </Typography.Title>
          <RecStatusTag status={a.status} testId="acceptance-status" />
        </Space>
        <Space>
          <Button icon={<FilePdfOutlined />} href={acceptancePdfUrl(a.id)} target="_blank" rel="noopener" data-testid="acceptance-pdf">
            {t('receiving.actions.pdf')}
          </Button>
          {allowed.includes('accept') && (
            <Button type="primary" onClick={() => setSigning(true)} data-testid="action-accept">
              {t('receiving.actions.sign')}
            </Button>
          )}
        </Space>
      </Flex>
      {a.status === 'draft' && (
        <Typography.Paragraph type="danger" data-testid="acceptance-unsigned">
          {t('receiving.unsigned')}
        </Typography.Paragraph>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}
        items={[
          { key: 'receipt', label: t('receiving.fields.receipt'), children: a.receiptNo },
          { key: 'po', label: t('receiving.fields.purchaseOrder'), children: a.purchaseOrderNo },
          { key: 'supplier', label: t('receiving.fields.supplier'), children: a.supplierName },
          { key: 'inspector', label: t('receiving.fields.inspector'), children: a.inspector },
          { key: 'date', label: t('receiving.fields.acceptanceDate'), children: formatDate(a.acceptanceDate) },
        ]}
      />
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={a.lines} data-testid="acceptance-detail-lines" style={{ marginBottom: 16 }} />
      <div data-testid="acceptance-signatures">
        <SignatureManifest signatures={a.signatures ?? []} />
      </div>
      <SignatureDialog
        open={signing}
        title={t('receiving.actions.sign')}
        subject={t('receiving.signatureSubject', { number: a.number })}
        meanings={['approved']}
        defaultMeaning="approved"
        onCancel={() => setSigning(false)}
        onSubmit={async (payload: SignaturePayload) => {
          await action.mutateAsync({ action: 'accept', body: payload });
          setSigning(false);
          void message.success(t('receiving.actions.accepted'));
        }}
      />
    </Card>
  );
}
