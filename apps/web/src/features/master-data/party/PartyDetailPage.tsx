import { useParams } from 'react-router';
import { Alert, Flex, Tag, Typography } from 'antd';
import { DiffOutlined, FileProtectOutlined, FolderOpenOutlined, IdcardOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { FilePreview } from '../../../platform/files/FileView.tsx';
import { formatDate } from '../../../platform/format/format.ts';
import { RecordDetail } from '../shared/RecordDetail.tsx';
import { isProvinceCode } from '../shared/regions.ts';
import { QUAL_PERMS, useQualificationFiles } from '../../qualification/api.ts';
import { currentFile, partyFileKinds } from '../../qualification/model.ts';
import { FileStatusTag } from '../../qualification/QualificationTags.tsx';
import { ChangeRequestButton, SubjectChangeRequestsPanel, SubjectFilesPanel } from '../../qualification/SubjectPanels.tsx';
import { partyApi } from './api.ts';
import { AuthorisationsPanel } from './AuthorisationsPanel.tsx';
import { partyFieldLabel, partyValueLabel } from './labels.ts';
import { LicencesPanel } from './LicencesPanel.tsx';
import { PartyKindTags } from './PartyKindTags.tsx';
import { PARTY_AUDIT_TABLE, type Party } from './types.ts';

export default function PartyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const query = partyApi.useDetail(id);
  const action = partyApi.useAction(id);
  const dash = (v: string | null | undefined) => v || '—';
  const seeFiles = can(QUAL_PERMS.fileRead);
  const files = useQualificationFiles({ subjectId: id }, seeFiles && !!id);

  const fileTags = (p: Party) => {
    if (!seeFiles) return null;
    const kinds = partyFileKinds(p.kinds ?? []);
    const items = files.data?.items ?? [];
    return (
      <>
        {kinds.map((k) => (
          <FileStatusTag key={k} status={currentFile(items.filter((f) => f.kind === k))?.status} prefix={kinds.length > 1 ? t(`qualification.kindShort.${k}`) : t('qualification.fileColumn')} testId={`party-file-status-${k}`} />
        ))}
      </>
    );
  };

  return (
    <RecordDetail<Party>
      kind="party"
      listPath="/master-data/parties"
      listTitle={t('party.listTitle')}
      auditTable={PARTY_AUDIT_TABLE}
      query={query}
      fieldLabel={(f) => partyFieldLabel(t, f)}
      valueLabel={(f, v) => partyValueLabel(t, f, v)}
      perform={action.mutateAsync}
      titleExtra={fileTags}
      headerExtra={(p) => <ChangeRequestButton status={p.status} path={`/master-data/parties/${p.id}/change`} />}
      banner={(p) => (
        <>
          {p.lockedReason ? (
            <Alert type="error" showIcon icon={<LockOutlined />} style={{ marginTop: 16 }} title={t('qualification.lockedTitle')} description={p.lockedReason} data-testid="party-locked-reason" />
          ) : null}
          {p.regulatorReportFlag ? <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('party.regulatorReportBanner')} data-testid="party-regulator-flag" /> : null}
        </>
      )}
      sections={(p) => [
        {
          key: 'basic',
          title: t('party.sections.basic'),
          items: [
            { key: 'name', label: t('party.fields.name'), children: <span data-testid="party-field-name">{p.name}</span> },
            { key: 'kinds', label: t('party.fields.kinds'), children: <PartyKindTags kinds={p.kinds ?? []} /> },
            { key: 'creditCode', label: t('party.fields.creditCode'), children: <Typography.Text code copyable>{p.creditCode}</Typography.Text> },
            { key: 'region', label: t('party.fields.region'), children: p.region ? `${p.region} ${isProvinceCode(p.region) ? t(`regions.${p.region}`) : ''}` : '—' },
            { key: 'customerType', label: t('party.fields.customerType'), children: p.customerType ? <Tag color="green">{t(`party.customerType.${p.customerType}`)}</Tag> : '—' },
          ],
        },
        {
          key: 'licence',
          title: t('party.sections.licence'),
          items: [
            { key: 'licenceNo', label: t('party.fields.licenceNo'), children: dash(p.licenceNo) },
            { key: 'licenceValidTo', label: t('party.fields.licenceValidTo'), children: formatDate(p.licenceValidTo) },
            { key: 'regulatorReportFlag', label: t('party.fields.regulatorReportFlag'), children: p.regulatorReportFlag ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no') },
          ],
        },
        {
          key: 'qualification',
          title: t('party.sections.qualification'),
          items: [
            { key: 'deliveryNoteFileId', label: t('party.fields.deliveryNoteFileId'), children: <FilePreview id={p.deliveryNoteFileId} testId="party-delivery-note" /> },
            { key: 'sealFileId', label: t('party.fields.sealFileId'), children: <FilePreview id={p.sealFileId} testId="party-seal" /> },
            { key: 'onsiteAuditDate', label: t('party.fields.onsiteAuditDate'), children: formatDate(p.onsiteAuditDate) },
            { key: 'onsiteAuditResult', label: t('party.fields.onsiteAuditResult'), span: 'filled', children: dash(p.onsiteAuditResult) },
          ],
        },
        {
          key: 'contact',
          title: t('party.sections.contact'),
          items: [
            { key: 'address', label: t('party.fields.address'), children: dash(p.address) },
            { key: 'contact', label: t('party.fields.contact'), children: dash(p.contact) },
            { key: 'phone', label: t('party.fields.phone'), children: dash(p.phone) },
          ],
        },
      ]}
      extraTabs={(p) => [
        {
          key: 'licences',
          label: (
            <span data-testid="tab-licences">
              <IdcardOutlined /> {t('licence.tab')}
            </span>
          ),
          children: <LicencesPanel partyId={p.id} />,
        },
        ...(p.kinds?.some((k) => k === 'supplier' || k === 'manufacturer')
          ? [
              {
                key: 'authorisations',
                label: (
                  <span data-testid="tab-authorisations">
                    <FileProtectOutlined /> {t('authorisation.tab')}
                  </span>
                ),
                children: <AuthorisationsPanel partyId={p.id} partyName={p.name} />,
              },
            ]
          : []),
        ...(seeFiles
          ? [
              {
                key: 'files',
                label: (
                  <span data-testid="tab-files">
                    <FolderOpenOutlined /> {t('qualification.filesTab')}
                  </span>
                ),
                children:
                  partyFileKinds(p.kinds ?? []).length > 0 ? (
                    <SubjectFilesPanel subjectId={p.id} kinds={partyFileKinds(p.kinds ?? [])} />
                  ) : (
                    <Flex>
                      <Typography.Text type="secondary">{t('qualification.notApplicableHelp')}</Typography.Text>
                    </Flex>
                  ),
              },
            ]
          : []),
        ...(can(QUAL_PERMS.changeRead)
          ? [
              {
                key: 'changes',
                label: (
                  <span data-testid="tab-changes">
                    <DiffOutlined /> {t('changeRequest.tab')}
                  </span>
                ),
                children: <SubjectChangeRequestsPanel targetId={p.id} fieldLabel={(f) => partyFieldLabel(t, f)} />,
              },
            ]
          : []),
      ]}
    />
  );
}
