import { Link } from 'react-router';
import { Alert, Card, Col, Empty, Flex, List, Progress, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  ClockCircleOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  HourglassOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { formatDate, formatDateTime } from '../../platform/format/format.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { QUAL_PERMS, useExpiry, useInbox } from './api.ts';
import { documentPath, expiryDocumentPath, expiryLevel, subjectPath } from './model.ts';
import { ExpiryBadge, useDocumentTypeLabel, useLocalized } from './QualificationTags.tsx';
import type { ExpiryItem, InboxItem } from './types.ts';

type Filter = 'all' | 'expired' | 'within30' | 'within90';

/** 资质看板: expiry counts, the expiring/expired documents and the approvals waiting for me. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const loc = useLocalized();
  const docType = useDocumentTypeLabel();
  const expiry = useExpiry(90);
  const seeInbox = can(QUAL_PERMS.inboxRead);
  const inbox = useInbox(seeInbox);
  const [filter, setFilter] = useState<Filter>('all');
  const s = expiry.data?.summary;

  const cards: Array<{ key: string; title: string; value?: number; icon: React.ReactNode; color: string; to?: string; filter?: Filter }> = [
    { key: 'expired', title: t('qualification.dashboard.expired'), value: s?.expired, icon: <WarningOutlined />, color: '#cf1322', filter: 'expired' },
    { key: 'within30', title: t('qualification.dashboard.within30'), value: s?.within30, icon: <ClockCircleOutlined />, color: '#d46b08', filter: 'within30' },
    { key: 'within60', title: t('qualification.dashboard.within60'), value: s?.within60, icon: <FieldTimeOutlined />, color: '#d48806' },
    { key: 'within90', title: t('qualification.dashboard.within90'), value: s?.within90, icon: <HourglassOutlined />, color: '#ad8b00', filter: 'within90' },
    { key: 'locked', title: t('qualification.dashboard.locked'), value: s?.lockedFiles, icon: <LockOutlined />, color: '#a8071a', to: '/qualification/files?status=locked' },
    { key: 'pending', title: t('qualification.dashboard.pending'), value: s?.pendingFiles, icon: <AuditOutlined />, color: '#0b5cad', to: '/qualification/files?status=submitted' },
  ];

  const items = (expiry.data?.items ?? []).filter((i) => {
    const level = expiryLevel(i);
    if (filter === 'all') return true;
    if (filter === 'expired') return level === 'expired';
    if (filter === 'within30') return level === 'within30';
    return level === 'within30' || level === 'within90';
  });

  return (
    <Flex vertical gap={16} data-testid="qualification-dashboard">
      <Card className="page-card">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <SafetyCertificateOutlined style={{ color: '#0b5cad', marginInlineEnd: 8 }} />
              {t('qualification.dashboard.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('qualification.dashboard.intro')}</Typography.Text>
          </div>
          {expiry.data && (
            <Space>
              <Tag icon={<FileDoneOutlined />} color="success" data-testid="dashboard-approved-files">
                {t('qualification.dashboard.approvedFiles', { count: expiry.data.summary.approvedFiles })}
              </Tag>
              <Typography.Text type="secondary">
                {t('qualification.dashboard.asOf', { date: formatDate(expiry.data.today) })}
              </Typography.Text>
            </Space>
          )}
        </Flex>
      </Card>

      {expiry.isError && <ProblemAlert error={expiry.error} testId="dashboard-error" />}

      <Row gutter={[16, 16]}>
        {cards.map((c) => {
          const body = (
            <Card
              hoverable={!!(c.to || c.filter)}
              className="stat-card"
              data-testid={`dashboard-card-${c.key}`}
              data-value={c.value ?? ''}
              onClick={c.filter ? () => setFilter(c.filter!) : undefined}
              style={{ borderTop: `3px solid ${c.color}` }}
            >
              <Statistic title={c.title} value={c.value ?? 0} loading={expiry.isPending} prefix={<span style={{ color: c.color }}>{c.icon}</span>} />
            </Card>
          );
          return (
            <Col key={c.key} xs={12} md={8} xl={4}>
              {c.to ? <Link to={c.to}>{body}</Link> : body}
            </Col>
          );
        })}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={seeInbox ? 15 : 24}>
          <Card
            className="page-card"
            title={t('qualification.dashboard.expiringTitle')}
            extra={
              <Segmented<Filter>
                size="small"
                value={filter}
                onChange={setFilter}
                data-testid="dashboard-expiry-filter"
                options={[
                  { value: 'all', label: t('common.all') },
                  { value: 'expired', label: t('qualification.expiry.expired') },
                  { value: 'within30', label: t('qualification.expiry.within30') },
                  { value: 'within90', label: t('qualification.expiry.within90') },
                ]}
              />
            }
          >
            <Table<ExpiryItem>
              rowKey={(r) => `${r.documentType}-${r.documentId}`}
              size="small"
              loading={expiry.isPending}
              dataSource={items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="expiry-table"
              locale={{ emptyText: <Empty description={t('qualification.dashboard.noExpiring')} /> }}
              onRow={(r) => ({ 'data-testid': 'expiry-row', 'data-number': r.number, 'data-days': r.daysLeft, 'data-expired': String(r.expired) }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('qualification.expiry.state'), key: 'badge', render: (_: unknown, r) => <ExpiryBadge expiry={r} testId="expiry-row-badge" /> },
                { title: t('qualification.expiry.documentType'), dataIndex: 'documentType', render: (v: ExpiryItem['documentType']) => <Tag>{docType(v)}</Tag> },
                {
                  title: t('qualification.expiry.number'),
                  dataIndex: 'number',
                  render: (v: string, r) => (
                    <Flex vertical gap={0}>
                      <Link to={expiryDocumentPath(r)} data-testid="expiry-row-link">
                        {v}
                      </Link>
                      <Link to={subjectPath(r.subjectKind, r.subjectId)} style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }} data-testid="expiry-row-subject">
                        {r.subjectName}
                      </Link>
                    </Flex>
                  ),
                },
                { title: t('qualification.expiry.validTo'), dataIndex: 'validTo', render: (v: string) => formatDate(v) },
              ]}
            />
          </Card>
        </Col>
        {seeInbox && (
          <Col xs={24} xl={9}>
            <Card className="page-card" title={t('qualification.dashboard.inboxTitle')} extra={<Tag color="blue">{inbox.data?.items.length ?? 0}</Tag>} data-testid="approval-inbox">
              {inbox.isError ? (
                <ProblemAlert error={inbox.error} />
              ) : (
                <List<InboxItem>
                  loading={inbox.isPending}
                  dataSource={inbox.data?.items ?? []}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('qualification.dashboard.inboxEmpty')} /> }}
                  renderItem={(item) => {
                    const path = documentPath(item.document, item.id);
                    const progress = item.progress[0];
                    return (
                      <List.Item data-testid="inbox-item" data-document={item.document} data-transition={item.transition}>
                        <List.Item.Meta
                          title={
                            <Space wrap size={6}>
                              <Tag color="geekblue">{loc(item.label)}</Tag>
                              {path ? (
                                <Link to={path} data-testid="inbox-link">
                                  {item.number}
                                </Link>
                              ) : (
                                item.number
                              )}
                              <Tag color={item.transition === 'review' ? 'blue' : 'green'}>{t(`qualification.transition.${item.transition === 'review' || item.transition === 'reinstate' ? item.transition : 'approve'}`)}</Tag>
                            </Space>
                          }
                          description={
                            <Flex vertical gap={2}>
                              {item.name && <Typography.Text>{item.name}</Typography.Text>}
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t('common.submittedAt')}
                                {t('common.colon')}
                                {formatDateTime(item.submittedAt)}
                              </Typography.Text>
                              {progress && progress.required > 1 && (
                                <Progress percent={Math.round((progress.given / progress.required) * 100)} size="small" format={() => `${progress.given}/${progress.required}`} />
                              )}
                            </Flex>
                          }
                        />
                      </List.Item>
                    );
                  }}
                />
              )}
            </Card>
          </Col>
        )}
      </Row>
      <Alert type="info" showIcon title={t('qualification.dashboard.sweepNote')} />
    </Flex>
  );
}
