import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Skeleton, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, ReloadOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { PERMS } from '../permissions/permissions.ts';
import { ProblemAlert } from '../problem/ProblemAlert.tsx';
import { formatAuditValue, formatDateTime } from '../format/format.ts';
import { isRecordStatus } from '../status/status.ts';
import { SignatureManifest } from '../signature/SignatureManifest.tsx';
import { auditEntryColor, orderChanges, sortAuditEntries, type AuditChange, type AuditEntry, type AuditHistory } from './types.ts';

export const auditHistoryKey = (table: string, id: string) => ['audit', 'history', table, id] as const;

export function useAuditHistory(table: string, id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: auditHistoryKey(table, id ?? ''),
    queryFn: () => api.get<AuditHistory>('/audit/history', { table, id }),
    enabled: enabled && !!id,
    staleTime: 0,
  });
}

export function ChainStatusBadge({ chain }: { chain: AuditHistory['chain'] }) {
  const { t } = useTranslation();
  const spec =
    chain.status === 'intact'
      ? { color: 'success', icon: <CheckCircleOutlined />, label: t('audit.chainIntact') }
      : chain.status === 'pending'
        ? { color: 'warning', icon: <ClockCircleOutlined />, label: t('audit.chainPending') }
        : { color: 'error', icon: <ExclamationCircleOutlined />, label: t('audit.chainBroken') };
  const tag = (
    <Tag color={spec.color} icon={spec.icon} data-testid="audit-chain-status" data-status={chain.status}>
      {spec.label}
    </Tag>
  );
  return chain.detail ? <Tooltip title={chain.detail}>{tag}</Tooltip> : tag;
}

interface ChangesTableProps {
  changes: AuditChange[];
  fieldLabel: (field: string) => string;
  valueLabel?: (field: string, value: unknown) => string | null;
}

function ChangesTable({ changes, fieldLabel, valueLabel }: ChangesTableProps) {
  const { t } = useTranslation();
  const labels = { empty: t('common.emptyValue'), yes: t('common.yes'), no: t('common.no') };
  const show = (field: string, v: unknown) => {
    if (v !== null && v !== undefined) {
      if (field === 'status' && isRecordStatus(v)) return t(`status.${v}`);
      const custom = valueLabel?.(field, v);
      if (custom) return custom;
    }
    return formatAuditValue(v, labels);
  };
  return (
    <Table<AuditChange>
      size="small"
      className="audit-changes"
      pagination={false}
      rowKey="field"
      dataSource={orderChanges(changes)}
      data-testid="audit-changes"
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: '28%',
          render: (f: string) => (
            <Space orientation="vertical" size={0}>
              <span>{fieldLabel(f)}</span>
              {fieldLabel(f) !== f && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: `${t('audit.before')} → ${t('audit.after')}`,
          key: 'diff',
          render: (_: unknown, c) => {
            const before = c.before === undefined || c.before === null ? null : show(c.field, c.before);
            const after = show(c.field, c.after);
            return (
              <span data-testid="audit-change" data-field={c.field} data-before={c.before == null ? '' : String(c.before)} data-after={c.after == null ? '' : String(c.after)}>
                {before !== null && (
                  <>
                    <Typography.Text delete type="secondary" data-testid="audit-change-before">
                      {before}
                    </Typography.Text>
                    <span className="audit-arrow"> → </span>
                  </>
                )}
                <Typography.Text data-testid="audit-change-after" strong={before !== null}>
                  {after}
                </Typography.Text>
              </span>
            );
          },
        },
      ]}
    />
  );
}

interface EntryProps {
  entry: AuditEntry;
  fieldLabel: (field: string) => string;
  valueLabel?: (field: string, value: unknown) => string | null;
}

function EntryContent({ entry, fieldLabel, valueLabel }: EntryProps) {
  const { t } = useTranslation();
  return (
    <div className="audit-entry" data-testid="audit-entry" data-command={entry.command} data-op={entry.op}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 6 }}>
        <Typography.Text strong data-testid="audit-entry-at" className="audit-at">
          {formatDateTime(entry.at)}
        </Typography.Text>
        <Tag color={entry.op === 'INSERT' ? 'blue' : entry.op === 'DELETE' ? 'red' : 'default'}>{t(`audit.op.${entry.op}`)}</Tag>
        <Typography.Text code data-testid="audit-entry-command">
          {entry.command}
        </Typography.Text>
        <span data-testid="audit-entry-actor">
          <UserOutlined style={{ marginInlineEnd: 4, color: '#8c8c8c' }} />
          {entry.actor?.displayName || entry.actor?.username ? (
            <>
              <Typography.Text strong>{entry.actor.displayName ?? entry.actor.username}</Typography.Text>
              {entry.actor.username && entry.actor.displayName && <Typography.Text type="secondary"> ({entry.actor.username})</Typography.Text>}
            </>
          ) : (
            <Typography.Text type="secondary">system</Typography.Text>
          )}
        </span>
      </Flex>
      <div style={{ marginBottom: 6 }} data-testid="audit-entry-reason">
        <Typography.Text type="secondary">
          {t('audit.reason')}
          {t('common.colon')}
        </Typography.Text>
        {entry.reason ? <Typography.Text>{entry.reason}</Typography.Text> : <Typography.Text type="secondary" italic>{t('audit.noReason')}</Typography.Text>}
      </div>
      {entry.signatures.length > 0 && (
        <div style={{ marginBottom: 6 }}>
          <SignatureManifest signatures={entry.signatures} compact />
        </div>
      )}
      {entry.changes.length > 0 && <ChangesTable changes={entry.changes} fieldLabel={fieldLabel} valueLabel={valueLabel} />}
    </div>
  );
}

export interface AuditHistoryPanelProps {
  /** Audited table, e.g. `master_data.product`. */
  table: string;
  id: string;
  /** Human label for a column name; defaults to the raw name. */
  fieldLabel?: (field: string) => string;
  /** Human label for an enumerated value (e.g. device class), or null for the default rendering. */
  valueLabel?: (field: string, value: unknown) => string | null;
}

/** Full audit trail of one record: who, when, why, what changed, signatures, and hash-chain state. */
export function AuditHistoryPanel({ table, id, fieldLabel = (f) => f, valueLabel }: AuditHistoryPanelProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const allowed = can(PERMS.auditHistoryRead);
  const q = useAuditHistory(table, id, allowed);

  if (!allowed) {
    return <Alert type="info" showIcon title={t('audit.noPermission')} data-testid="audit-history-forbidden" />;
  }
  if (q.isPending) return <Skeleton active data-testid="audit-history-loading" />;
  if (q.isError) return <ProblemAlert error={q.error} testId="audit-history-error" />;

  const history = q.data;
  const entries = sortAuditEntries(history.entries ?? []);
  return (
    <div data-testid="audit-history" data-table={table} data-record-id={id}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} wrap gap={8}>
        <Space>
          <Typography.Text type="secondary">
            {t('audit.chain')}
            {t('common.colon')}
          </Typography.Text>
          <ChainStatusBadge chain={history.chain} />
          {history.chain.detail && history.chain.status !== 'intact' && <Typography.Text type="secondary">{history.chain.detail}</Typography.Text>}
        </Space>
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching} data-testid="audit-refresh">
          {t('common.refresh')}
        </Button>
      </Flex>
      {history.chain.status === 'broken' && (
        <Alert type="error" showIcon title={t('audit.chainBroken')} description={history.chain.detail} style={{ marginBottom: 16 }} />
      )}
      {entries.length === 0 ? (
        <Empty description={t('audit.empty')} />
      ) : (
        <Timeline
          mode="start"
          items={entries.map((e, i) => ({
            key: `${e.commandId}-${i}`,
            color: auditEntryColor(e),
            content: <EntryContent entry={e} fieldLabel={fieldLabel} valueLabel={valueLabel} />,
          }))}
        />
      )}
    </div>
  );
}
