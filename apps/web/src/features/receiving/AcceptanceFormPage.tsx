import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Flex, Form, Input, Radio, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { compareDecimals, trimDecimal } from '../inventory/model.ts';
import { useCreateAcceptance, useReceipt, useReceipts, type AcceptanceLineInput } from './api.ts';
import { defaultVerdict, isQuantity } from './model.ts';
import { DISPOSITIONS, type Disposition, type ReceiptLine } from './types.ts';

interface Decision {
  verdict: 'accepted' | 'rejected';
  acceptedQuantity: string;
  defects: string;
  disposition: Disposition | undefined;
}

/** 验收: the inspector's verdict on each line of a posted receipt (F-CN-5); signing follows on the record. */
export default function AcceptanceFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [receiptId, setReceiptId] = useState<string | undefined>(params.get('receiptId') ?? undefined);
  const receipts = useReceipts({ status: 'received', limit: 100, offset: 0 });
  const receipt = useReceipt(receiptId);
  const create = useCreateAcceptance();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    const lines = receipt.data?.lines ?? [];
    setDecisions(Object.fromEntries(lines.map((l) => [l.id, { verdict: defaultVerdict(l.coldChainExcursion), acceptedQuantity: l.coldChainExcursion ? '0' : trimDecimal(l.quantity), defects: '', disposition: undefined }])));
  }, [receipt.data]);

  const lines = receipt.data?.lines ?? [];
  const set = (id: string, patch: Partial<Decision>) => setDecisions((d) => ({ ...d, [id]: { ...d[id], ...patch } }));
  const isLot = (l: ReceiptLine) => l.serialCount === 0;
  const rejectsSome = (l: ReceiptLine, d: Decision) => d.verdict === 'rejected' || (isLot(l) && compareDecimals(d.acceptedQuantity || '0', l.quantity) < 0);
  const lineValid = (l: ReceiptLine, d: Decision | undefined) =>
    !!d &&
    (!isLot(l) || d.verdict === 'rejected' || (isQuantity(d.acceptedQuantity) && compareDecimals(d.acceptedQuantity, l.quantity) <= 0)) &&
    (!rejectsSome(l, d) || (!!d.defects.trim() && !!d.disposition));

  const columns: TableColumnsType<ReceiptLine> = [
    { title: '#', dataIndex: 'lineNo', width: 48 },
    {
      title: t('receiving.fields.product'),
      key: 'product',
      render: (_: unknown, l) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{l.productName}</Typography.Text>
          <Typography.Text type="secondary">{[l.model, l.lot, l.expiry].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('receiving.fields.quantity'), dataIndex: 'quantity', align: 'right', render: (v: string) => trimDecimal(v) },
    {
      title: t('receiving.fields.verdict'),
      key: 'verdict',
      render: (_: unknown, l) => (
        <Radio.Group
          value={decisions[l.id]?.verdict}
          onChange={(e) => set(l.id, { verdict: e.target.value, acceptedQuantity: e.target.value === 'rejected' ? '0' : trimDecimal(l.quantity) })}
          data-testid="acc-line-verdict"
          data-lot={l.lot}
        >
          <Radio value="accepted" disabled={l.coldChainExcursion} data-testid="acc-verdict-accepted">
            {t('receiving.verdicts.accepted')}
          </Radio>
          <Radio value="rejected" data-testid="acc-verdict-rejected">
            {t('receiving.verdicts.rejected')}
          </Radio>
        </Radio.Group>
      ),
    },
    {
      title: t('receiving.fields.acceptedQuantity'),
      key: 'acceptedQuantity',
      render: (_: unknown, l) =>
        isLot(l) ? (
          <Input
            value={decisions[l.id]?.acceptedQuantity}
            disabled={decisions[l.id]?.verdict === 'rejected'}
            style={{ width: 110 }}
            status={touched && decisions[l.id] && !lineValid(l, decisions[l.id]) && decisions[l.id].verdict === 'accepted' && !isQuantity(decisions[l.id].acceptedQuantity) ? 'error' : undefined}
            onChange={(e) => set(l.id, { acceptedQuantity: e.target.value })}
            data-testid="acc-line-accepted-quantity"
          />
        ) : (
          '—'
        ),
    },
    {
      title: `${t('receiving.fields.defects')} / ${t('receiving.fields.disposition')}`,
      key: 'defects',
      render: (_: unknown, l) => {
        const d = decisions[l.id];
        if (!d || !rejectsSome(l, d)) return '—';
        const bad = touched && !lineValid(l, d);
        return (
          <Form.Item style={{ margin: 0 }} validateStatus={bad ? 'error' : undefined} help={bad ? t('receiving.validation.rejectNeeds') : undefined}>
            <Space orientation="vertical" style={{ width: 260 }}>
              <Input.TextArea rows={2} value={d.defects} placeholder={t('receiving.fields.defects')} onChange={(e) => set(l.id, { defects: e.target.value })} data-testid="acc-line-defects" />
              <Select
                value={d.disposition}
                placeholder={t('receiving.fields.disposition')}
                onChange={(v) => set(l.id, { disposition: v })}
                options={DISPOSITIONS.map((x) => ({ value: x, label: t(`receiving.dispositions.${x}`) }))}
                data-testid="acc-line-disposition"
              />
            </Space>
          </Form.Item>
        );
      },
    },
  ];

  const submit = async () => {
    setTouched(true);
    if (!receiptId || lines.length === 0 || !lines.every((l) => lineValid(l, decisions[l.id]))) return;
    const body: AcceptanceLineInput[] = lines.map((l) => {
      const d = decisions[l.id];
      return {
        receiptLineId: l.id,
        verdict: d.verdict,
        ...(isLot(l) ? { acceptedQuantity: d.verdict === 'rejected' ? '0' : d.acceptedQuantity.trim() } : {}),
        ...(rejectsSome(l, d) ? { defects: d.defects.trim(), disposition: d.disposition } : {}),
      };
    });
    const created = await create.mutateAsync({ receiptId, lines: body });
    navigate(`/receiving/acceptances/${created.id}`);
  };

  return (
    <Card className="page-card" data-testid="acceptance-form">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('receiving.newAcceptance')}
      </Typography.Title>
      <Form layout="vertical">
        <Form.Item label={t('receiving.fields.receipt')} required>
          <Select
            showSearch
            optionFilterProp="label"
            value={receiptId}
            style={{ maxWidth: 480 }}
            onChange={(v) => setReceiptId(v)}
            options={(receipts.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.number} · ${r.purchaseOrderNo} · ${r.supplierName}` }))}
            data-testid="acceptance-receipt"
          />
        </Form.Item>
      </Form>
      {receipt.error ? <ProblemAlert error={receipt.error} /> : null}
      {receipt.data && (
        <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={lines} data-testid="acceptance-lines"
          onRow={(l) => ({ 'data-testid': 'acceptance-line', 'data-lot': l.lot }) as React.HTMLAttributes<HTMLElement>} />
      )}
      {create.error ? <ProblemAlert error={create.error} testId="acceptance-error" style={{ marginTop: 16 }} /> : null}
      <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
        <Button onClick={() => navigate('/receiving/acceptances')}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={!receipt.data} loading={create.isPending} onClick={() => void submit().catch(() => undefined)} data-testid="acceptance-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Card>
  );
}
