import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, DiffOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AuditHistoryPanel } from '../../platform/audit/AuditHistoryPanel.tsx';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { isApiError } from '../../platform/api/problem.ts';
import { formatDateTime } from '../../platform/format/format.ts';
import { PERMS } from '../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../platform/problem/ProblemAlert.tsx';
import { SignatureManifest } from '../../platform/signature/SignatureManifest.tsx';
import { RecordActions } from '../master-data/shared/RecordActions.tsx';
import type { ActionRequest } from '../master-data/shared/resource.ts';
import type { MasterRecord } from '../master-data/shared/types.ts';
import { partyApi } from '../master-data/party/api.ts';
import { productApi } from '../master-data/product/api.ts';
import { useChangeRequest, useChangeRequestAction } from './api.ts';
import { ChangeStatusTag } from './ChangeStatusTag.tsx';
import { renderChangeValue, targetFieldLabel } from './changeValues.tsx';
import { diffChanges, documentPath, type ChangeRow } from './model.ts';
import { CHANGE_REQUEST_AUDIT_TABLE } from './types.ts';

/** 变更申请 detail: proposed changes before → after against the current record; submit / approve ✍ / reject ✍. */
export default function ChangeRequestDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const q = useChangeRequest(id);
  const action = useChangeRequestAction(id);
  const cr = q.data;
  const product = productApi.useDetail(cr?.target === 'master_data.product' ? cr.targetId : undefined);
  const party = partyApi.useDetail(cr?.target === 'master_data.party' ? cr.targetId : undefined);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [tab, setTab] = useState('changes');

  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (q.isError || !cr) {
    if (isApiError(q.error) && q.error.status === 404) {
      return <Result status="404" title={t('errors.notFound')} extra={<Button onClick={() => navigate('/qualification/change-requests')}>{t('common.back')}</Button>} />;
    }
    return <ProblemAlert error={q.error} testId="change-request-load-error" />;
  }

  const target = (cr.target === 'master_data.party' ? party.data : product.data) as (MasterRecord & Record<string, unknown>) | undefined;
  const targetQuery = cr.target === 'master_data.party' ? party : product;
  const rows = diffChanges(target ?? null, cr.changes);
  const changed = rows.filter((r) => r.changed);
  const applied = cr.status === 'approved';
  const visible = applied || showUnchanged ? rows : changed;
  const targetPath = documentPath(cr.target, cr.targetId) ?? '#';
  const record: MasterRecord = { ...cr, name: target?.name ?? cr.targetId, allowedActions: cr.allowedActions.filter((a) => a !== 'update') };
  const perform = (req: ActionRequest) =>
    req.action === 'submit' ? action.mutateAsync({ action: 'submit', body: req.body }) : action.mutateAsync({ action: req.action, body: req.body });

  return (
    <div data-testid="change-request-detail" data-status={cr.status}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/qualification">{t('menu.qualification')}</Link> }, { title: <Link to="/qualification/change-requests">{t('changeRequest.listTitle')}</Link> }, { title: cr.number }]}
      />
      <Card className="page-card">
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Space align="start" size={12}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/qualification/change-requests')} aria-label={t('common.back')} data-testid="back" />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="change-request-title">
                {t('changeRequest.titleOf', { name: target?.name ?? cr.targetId })}
              </Typography.Title>
              <Space size={8} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" copyable={{ text: cr.number }}>
                  {cr.number}
                </Typography.Text>
                <ChangeStatusTag status={cr.status} testId="change-request-status" />
              </Space>
            </div>
          </Space>
          <RecordActions record={record} subject={<Typography.Text code>{cr.number}</Typography.Text>} onEdit={() => {}} perform={perform} />
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 6 }}
          items={[
            { key: 'targetType', label: t('changeRequest.targetType'), children: <Tag>{t(cr.target === 'master_data.party' ? 'changeRequest.targets.party' : 'changeRequest.targets.product')}</Tag> },
            {
              key: 'target',
              label: t('changeRequest.target'),
              children: (
                <Link to={targetPath} data-testid="change-request-target">
                  {target ? `${target.number} ${target.name}` : cr.targetId}
                </Link>
              ),
            },
            { key: 'targetVersion', label: t('changeRequest.targetVersion'), children: target?.version ?? '—' },
            { key: 'createdBy', label: t('common.createdBy'), children: cr.createdBy?.displayName ?? '—' },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(cr.createdAt) },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(cr.updatedAt) },
          ]}
        />
      </Card>

      {applied && <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('changeRequest.appliedHint')} />}
      {cr.status === 'rejected' && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('actions.rejectedHint')} />}

      <Card className="page-card" style={{ marginTop: 16 }} size="small" title={<Space><SafetyCertificateOutlined />{t('signature.manifestTitle')}</Space>} data-testid="change-request-signatures">
        <SignatureManifest signatures={cr.signatures ?? []} />
      </Card>

      <Card className="page-card" style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'changes',
              label: (
                <span data-testid="tab-changes">
                  <DiffOutlined /> {t('changeRequest.changesTab', { count: changed.length })}
                </span>
              ),
              children: (
                <Flex vertical gap={12}>
                  {targetQuery.isError && <ProblemAlert error={targetQuery.error} />}
                  {!applied && rows.length > changed.length && (
                    <Space>
                      <Switch size="small" checked={showUnchanged} onChange={setShowUnchanged} data-testid="change-request-show-unchanged" />
                      <Typography.Text type="secondary">{t('changeRequest.showUnchanged', { count: rows.length - changed.length })}</Typography.Text>
                    </Space>
                  )}
                  <Table<ChangeRow>
                    rowKey="field"
                    size="small"
                    pagination={false}
                    loading={targetQuery.isPending && !!cr.targetId}
                    dataSource={visible}
                    data-testid="change-request-diff"
                    onRow={(r) => ({ 'data-testid': 'change-row', 'data-field': r.field, 'data-changed': String(r.changed) }) as React.HTMLAttributes<HTMLElement>}
                    columns={[
                      {
                        title: t('audit.field'),
                        dataIndex: 'field',
                        width: '26%',
                        render: (f: string, r) => (
                          <Space orientation="vertical" size={0}>
                            <Typography.Text strong={r.changed}>{targetFieldLabel(t, cr.target, f)}</Typography.Text>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {f}
                            </Typography.Text>
                          </Space>
                        ),
                      },
                      {
                        title: applied ? t('changeRequest.current') : t('audit.before'),
                        key: 'before',
                        render: (_: unknown, r) =>
                          applied ? (
                            renderChangeValue(t, cr.target, r.field, r.before)
                          ) : (
                            <Typography.Text delete={r.changed} type="secondary" data-testid="change-before">
                              {renderChangeValue(t, cr.target, r.field, r.before)}
                            </Typography.Text>
                          ),
                      },
                      {
                        title: applied ? t('changeRequest.applied') : t('audit.after'),
                        key: 'after',
                        render: (_: unknown, r) => (
                          <Space size={6}>
                            <Typography.Text strong={r.changed} data-testid="change-after">
                              {renderChangeValue(t, cr.target, r.field, r.after)}
                            </Typography.Text>
                            {!r.changed && !applied && <Tag>{t('changeRequest.unchanged')}</Tag>}
                          </Space>
                        ),
                      },
                    ]}
                  />
                </Flex>
              ),
            },
            ...(can(PERMS.auditHistoryRead)
              ? [
                  {
                    key: 'audit',
                    label: (
                      <span data-testid="tab-audit">
                        <AuditOutlined /> {t('audit.tab')}
                      </span>
                    ),
                    children: <AuditHistoryPanel table={CHANGE_REQUEST_AUDIT_TABLE} id={cr.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
