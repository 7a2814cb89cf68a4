import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tabs, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, ProfileOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AuditHistoryPanel } from '../../../platform/audit/AuditHistoryPanel.tsx';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { isApiError } from '../../../platform/api/problem.ts';
import { formatDateTime } from '../../../platform/format/format.ts';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { SignatureManifest } from '../../../platform/signature/SignatureManifest.tsx';
import { StatusTag } from '../../../platform/status/StatusTag.tsx';
import { RecordActions } from './RecordActions.tsx';
import type { ActionRequest } from './resource.ts';
import type { MasterRecord } from './types.ts';

interface RecordDetailProps<T extends MasterRecord> {
  /** e.g. "product" — prefixes test ids. */
  kind: string;
  listPath: string;
  listTitle: string;
  auditTable: string;
  query: { data?: T; isPending: boolean; isError: boolean; error: unknown };
  /** Business fields grouped in sections. */
  sections: (record: T) => Array<{ key: string; title: string; items: DescriptionsProps['items'] }>;
  fieldLabel: (field: string) => string;
  valueLabel?: (field: string, value: unknown) => string | null;
  perform: (req: ActionRequest) => Promise<unknown>;
  /** Next to the status tag under the title (e.g. the 首营 status). */
  titleExtra?: (record: T) => ReactNode;
  /** Buttons beside the record actions (e.g. 申请变更). */
  headerExtra?: (record: T) => ReactNode;
  /** Alerts between the header card and the signatures (e.g. the lock reason). */
  banner?: (record: T) => ReactNode;
  /** Tabs between the details and the audit trail. */
  extraTabs?: (record: T) => Array<{ key: string; label: ReactNode; children: ReactNode }>;
}

/** Shared detail page for controlled master data: fields, signatures, actions, audit trail. */
export function RecordDetail<T extends MasterRecord>(props: RecordDetailProps<T>) {
  const { kind, listPath, listTitle, auditTable, query, sections, fieldLabel, valueLabel, perform, titleExtra, headerExtra, banner, extraTabs } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  // The open tab lives in the URL (?tab=licences) so that other pages can link to it.
  const [tab, setTabState] = useState(() => search.get('tab') ?? 'details');
  const setTab = (key: string) => {
    setTabState(key);
    const next = new URLSearchParams(search);
    if (key === 'details') next.delete('tab');
    else next.set('tab', key);
    setSearch(next, { replace: true });
  };

  if (query.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (query.isError || !query.data) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Result status="404" title={t('errors.notFound')} extra={<Button onClick={() => navigate(listPath)}>{t('common.back')}</Button>} />;
    }
    return <ProblemAlert error={query.error} testId={`${kind}-load-error`} />;
  }
  const record = query.data;
  const subject = (
    <Space>
      <Typography.Text code>{record.number}</Typography.Text>
      <Typography.Text strong>{record.name}</Typography.Text>
    </Space>
  );

  const meta: DescriptionsProps['items'] = [
    { key: 'number', label: t('common.number'), children: <span data-testid={`${kind}-number`}>{record.number}</span> },
    { key: 'status', label: t('common.status'), children: <StatusTag status={record.status} testId={`${kind}-status`} /> },
    { key: 'version', label: t('common.version'), children: <span data-testid={`${kind}-version`}>{record.version}</span> },
    { key: 'createdBy', label: t('common.createdBy'), children: record.createdBy?.displayName ?? '—' },
    { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(record.createdAt) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(record.updatedAt) },
  ];

  const details = (
    <Flex vertical gap={16}>
      {sections(record).map((s) => (
        <Descriptions
          key={s.key}
          title={s.title}
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
          items={s.items}
          data-testid={`${kind}-section-${s.key}`}
        />
      ))}
    </Flex>
  );

  return (
    <div data-testid={`${kind}-detail`} data-record-id={record.id} data-status={record.status}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <a onClick={() => navigate(listPath)}>{listTitle}</a> }, { title: record.number }]} />
      <Card className="page-card">
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Space align="start" size={12}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(listPath)} aria-label={t('common.back')} data-testid="back" />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid={`${kind}-title`}>
                {record.name}
              </Typography.Title>
              <Space size={8} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" copyable={{ text: record.number }}>
                  {record.number}
                </Typography.Text>
                <StatusTag status={record.status} />
                {titleExtra?.(record)}
              </Space>
            </div>
          </Space>
          <Space wrap align="start">
            <RecordActions record={record} subject={subject} onEdit={() => navigate(`${listPath}/${record.id}/edit`)} perform={perform} />
            {headerExtra?.(record)}
          </Space>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 6 }} items={meta} style={{ marginTop: 16 }} />
      </Card>

      {record.status === 'rejected' && (
        <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('actions.rejectedHint')} data-testid={`${kind}-rejected-hint`} />
      )}

      {banner?.(record)}

      <Card className="page-card" style={{ marginTop: 16 }} title={<Space><SafetyCertificateOutlined />{t('signature.manifestTitle')}</Space>} size="small" data-testid={`${kind}-signatures`}>
        <SignatureManifest signatures={record.signatures ?? []} />
      </Card>

      <Card className="page-card" style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'details',
              label: (
                <span data-testid="tab-details">
                  <ProfileOutlined /> {t('common.details')}
                </span>
              ),
              children: details,
            },
            ...(extraTabs?.(record) ?? []),
            ...(can(PERMS.auditHistoryRead)
              ? [
                  {
                    key: 'audit',
                    label: (
                      <span data-testid="tab-audit">
                        <AuditOutlined /> {t('audit.tab')}
                      </span>
                    ),
                    children: <AuditHistoryPanel table={auditTable} id={record.id} fieldLabel={fieldLabel} valueLabel={valueLabel} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
