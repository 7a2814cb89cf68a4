import { Link } from 'react-router';
import { Button, Tag, Typography, type TableColumnsType } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { formatDate, formatDateTime } from '../../../platform/format/format.ts';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { StatusTag } from '../../../platform/status/StatusTag.tsx';
import { MasterList } from '../shared/MasterList.tsx';
import { isProvinceCode } from '../shared/regions.ts';
import { useQualificationIndex } from '../../qualification/api.ts';
import { partyFileKinds, qualificationOf } from '../../qualification/model.ts';
import { ExpiryCell, FileStatusCell } from '../../qualification/QualificationTags.tsx';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { partyApi } from './api.ts';
import { PartyKindTags } from './PartyKindTags.tsx';
import type { Party } from './types.ts';

export default function PartyListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qual = useQualificationIndex();

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
    { title: t('common.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} testId="party-row-status" /> },
    ...(qual.enabled
      ? [
          {
            title: t('qualification.fileColumn'),
            key: 'qualification',
            render: (_: unknown, r: Party) => {
              const kinds = partyFileKinds(r.kinds ?? []);
              return kinds.length > 0 || r.lockedReason ? (
                <FileStatusCell q={qualificationOf(qual.index, r.id)} kinds={kinds} lockedReason={r.lockedReason} />
              ) : (
                <Typography.Text type="secondary">{t('qualification.notApplicable')}</Typography.Text>
              );
            },
          },
          {
            title: t('qualification.expiryColumn'),
            key: 'expiry',
            render: (_: unknown, r: Party) => <ExpiryCell q={qualificationOf(qual.index, r.id)} />,
          },
        ]
      : []),
    { title: t('party.fields.creditCode'), dataIndex: 'creditCode', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: t('party.fields.region'),
      dataIndex: 'region',
      render: (v: string | null) => (v && isProvinceCode(v) ? <Tag>{t(`regions.${v}`)}</Tag> : '—'),
    },
    { title: t('party.fields.licenceNo'), dataIndex: 'licenceNo', render: (v: string | null) => v ?? '—' },
    { title: t('party.fields.licenceValidTo'), dataIndex: 'licenceValidTo', render: (v: string | null) => formatDate(v) },
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
      exportPath="/master-data/parties/export.xlsx"
      extraActions={
        can(PERMS.importApply) ? (
          <Link to="/master-data/import?kind=parties">
            <Button icon={<ImportOutlined />} data-testid="party-import">
              {t('io.import')}
            </Button>
          </Link>
        ) : null
      }
      notice={qual.error ? <ProblemAlert error={qual.error} testId="qualification-index-error" style={{ marginBottom: 16 }} /> : null}
    />
  );
}
