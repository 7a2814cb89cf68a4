import { Link } from 'react-router';
import { Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { formatDate, formatDateTime } from '../../../platform/format/format.ts';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { StatusTag } from '../../../platform/status/StatusTag.tsx';
import { MasterList } from '../shared/MasterList.tsx';
import { partyApi } from './api.ts';
import { PartyKindTags } from './PartyKindTags.tsx';
import type { Party } from './types.ts';

export default function PartyListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();

  const columns: TableColumnsType<Party> = [
    {
      title: t('party.fields.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/master-data/parties/${r.id}`} data-testid="party-link" data-number={v}>
          {v}
        </Link>
      ),
    },
    {
      title: t('party.fields.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Link to={`/master-data/parties/${r.id}`} style={{ color: 'inherit' }}>
          <Typography.Text strong>{v}</Typography.Text>
        </Link>
      ),
    },
    { title: t('party.fields.kinds'), dataIndex: 'kinds', render: (v: string[]) => <PartyKindTags kinds={v ?? []} /> },
    { title: t('party.fields.creditCode'), dataIndex: 'creditCode', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('party.fields.licenceNo'), dataIndex: 'licenceNo', render: (v: string | null) => v ?? '—' },
    { title: t('party.fields.licenceValidTo'), dataIndex: 'licenceValidTo', render: (v: string | null) => formatDate(v) },
    { title: t('common.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} testId="party-row-status" /> },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <Typography.Text type="secondary">{formatDateTime(v)}</Typography.Text> },
  ];

  return (
    <MasterList<Party>
      kind="party"
      title={t('party.listTitle')}
      intro={t('party.listIntro')}
      searchPlaceholder={t('party.searchPlaceholder')}
      newLabel={t('party.new')}
      newPath="/master-data/parties/new"
      canCreate={can(PERMS.partyCreate)}
      columns={columns}
      useList={partyApi.useList}
    />
  );
}
