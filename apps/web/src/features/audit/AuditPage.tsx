import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Col, Empty, Form, Row, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api/client.ts';
import { AuditHistoryPanel } from '../../platform/audit/AuditHistoryPanel.tsx';
import { AUDIT_TABLES, type AuditTable } from '../../platform/audit/types.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import type { ListResult, MasterRecord } from '../master-data/shared/types.ts';
import { productFieldLabel, productValueLabel } from '../master-data/product/labels.ts';
import { partyFieldLabel, partyValueLabel } from '../master-data/party/labels.ts';

const RESOURCE: Record<AuditTable, { path: string; ns: string }> = {
  'master_data.product': { path: '/master-data/products', ns: 'master_data.product' },
  'master_data.party': { path: '/master-data/parties', ns: 'master_data.party' },
};

function isAuditTable(v: string | null): v is AuditTable {
  return !!v && v in AUDIT_TABLES;
}

/** Audit trail browser: pick a record type and a record, see its history. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { canUnder } = useAuth();
  const [params, setParams] = useSearchParams();
  const tableParam = params.get('table');
  const table: AuditTable = isAuditTable(tableParam) ? tableParam : 'master_data.product';
  const id = params.get('id') ?? undefined;
  const [q, setQ] = useState('');

  const records = useQuery({
    queryKey: ['audit', 'record-picker', table, q],
    queryFn: () => api.get<ListResult<MasterRecord>>(RESOURCE[table].path, { q: q || undefined, limit: 20, offset: 0 }),
    enabled: canUnder(RESOURCE[table].ns),
  });

  const update = (next: { table?: string; id?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.table) p.set('table', next.table);
    if (next.id === null) p.delete('id');
    else if (next.id) p.set('id', next.id);
    setParams(p);
  };

  return (
    <Card className="page-card" data-testid="audit-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.pageIntro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('audit.table')}>
              <Select
                value={table}
                onChange={(v) => {
                  setQ('');
                  update({ table: v, id: null });
                }}
                data-testid="audit-table-select"
                options={(Object.keys(AUDIT_TABLES) as AuditTable[]).map((k) => ({ value: k, label: `${t(`audit.tables.${AUDIT_TABLES[k]}`)} (${k})` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label={t('audit.record')}>
              <Select
                showSearch={{ filterOption: false, onSearch: setQ }}
                allowClear
                value={id}
                placeholder={t('audit.recordPlaceholder')}
                loading={records.isFetching}
                onChange={(v?: string) => update({ id: v ?? null })}
                data-testid="audit-record-select"
                options={(records.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.number} · ${r.name}` }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {id ? (
        <AuditHistoryPanel
          table={table}
          id={id}
          fieldLabel={(f) => (table === 'master_data.product' ? productFieldLabel(t, f) : partyFieldLabel(t, f))}
          valueLabel={(f, v) => (table === 'master_data.product' ? productValueLabel(t, f, v) : partyValueLabel(t, f, v))}
        />
      ) : (
        <Empty description={t('audit.chooseRecord')} />
      )}
    </Card>
  );
}
