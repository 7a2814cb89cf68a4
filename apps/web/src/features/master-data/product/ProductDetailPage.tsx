import { useParams } from 'react-router';
import { Alert, Space, Tag, Typography } from 'antd';
import { AppstoreOutlined, DiffOutlined, FolderOpenOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { FilePreview } from '../../../platform/files/FileView.tsx';
import { formatDate } from '../../../platform/format/format.ts';
import { RecordDetail } from '../shared/RecordDetail.tsx';
import { QUAL_PERMS, useBusinessToday, useQualificationFiles } from '../../qualification/api.ts';
import { currentFile, expiryOf } from '../../qualification/model.ts';
import { ExpiryBadge, FileStatusTag } from '../../qualification/QualificationTags.tsx';
import { ChangeRequestButton, SubjectChangeRequestsPanel, SubjectFilesPanel } from '../../qualification/SubjectPanels.tsx';
import { productApi } from './api.ts';
import { productFieldLabel, productValueLabel } from './labels.ts';
import { PackagingPanel } from './PackagingPanel.tsx';
import { PRODUCT_AUDIT_TABLE, type Product } from './types.ts';

export default function ProductDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const query = productApi.useDetail(id);
  const action = productApi.useAction(id);
  const seeFiles = can(QUAL_PERMS.fileRead);
  const files = useQualificationFiles({ subjectId: id }, seeFiles && !!id);
  const file = currentFile(files.data?.items ?? []);
  const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  const today = useBusinessToday();

  const range = (lo: string | null, hi: string | null, unit: string, unset: string) => {
    if (lo == null && hi == null) return <Typography.Text type="secondary">{unset}</Typography.Text>;
    return `${lo ?? '—'} ${unit} ~ ${hi ?? '—'} ${unit}`;
  };

  return (
    <RecordDetail<Product>
      kind="product"
      listPath="/master-data/products"
      listTitle={t('product.listTitle')}
      auditTable={PRODUCT_AUDIT_TABLE}
      query={query}
      fieldLabel={(f) => productFieldLabel(t, f)}
      valueLabel={(f, v) => productValueLabel(t, f, v)}
      perform={action.mutateAsync}
      titleExtra={() => (seeFiles ? <FileStatusTag status={file?.status} testId="product-file-status" prefix={t('qualification.fileColumn')} /> : null)}
      headerExtra={(p) => <ChangeRequestButton status={p.status} path={`/master-data/products/${p.id}/change`} />}
      banner={(p) =>
        p.lockedReason ? (
          <Alert type="error" showIcon icon={<LockOutlined />} style={{ marginTop: 16 }} title={t('qualification.lockedTitle')} description={p.lockedReason} data-testid="product-locked-reason" />
        ) : null
      }
      sections={(p) => [
        {
          key: 'basic',
          title: t('product.sections.basic'),
          items: [
            { key: 'name', label: t('product.fields.name'), children: <span data-testid="product-field-name">{p.name}</span> },
            { key: 'model', label: t('product.fields.model'), children: p.model },
            { key: 'categoryCode', label: t('product.fields.categoryCode'), children: p.categoryCode },
            { key: 'deviceClass', label: t('product.fields.deviceClass'), children: <Tag color={p.deviceClass === 'III' ? 'volcano' : 'blue'}>{t(`product.deviceClass.${p.deviceClass}`)}</Tag> },
            { key: 'implantable', label: t('product.fields.implantable'), children: p.implantable ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no') },
          ],
        },
        {
          key: 'registration',
          title: t('product.sections.registration'),
          items: [
            { key: 'registrationKind', label: t('product.fields.registrationKind'), children: <Tag>{t(`product.registrationKind.${p.registrationKind ?? 'registration'}`)}</Tag> },
            { key: 'registrant', label: t('product.fields.registrant'), children: p.registrant },
            { key: 'registrationNo', label: t('product.fields.registrationNo'), children: <span data-testid="product-field-registrationNo">{p.registrationNo}</span> },
            { key: 'registrationValidFrom', label: t('product.fields.registrationValidFrom'), children: formatDate(p.registrationValidFrom) },
            {
              key: 'registrationValidTo',
              label: t('product.fields.registrationValidTo'),
              children: (
                <Space size={6} wrap>
                  {p.registrationValidTo ? formatDate(p.registrationValidTo) : p.registrationKind === 'filing' ? t('product.filingPermanent') : '—'}
                  <ExpiryBadge expiry={expiryOf(p.registrationValidTo, today)} testId="product-registration-expiry" />
                </Space>
              ),
            },
            { key: 'manufacturer', label: t('product.fields.manufacturer'), children: dash(p.manufacturer) },
            { key: 'manufacturerLicenceNo', label: t('product.fields.manufacturerLicenceNo'), children: dash(p.manufacturerLicenceNo) },
            { key: 'registrationScope', label: t('product.fields.registrationScope'), span: 'filled', children: dash(p.registrationScope) },
          ],
        },
        {
          key: 'documents',
          title: t('product.sections.documents'),
          items: [
            { key: 'registrationFileId', label: t('product.fields.registrationFileId'), children: <FilePreview id={p.registrationFileId} testId="product-registration-file" /> },
            { key: 'labelFileId', label: t('product.fields.labelFileId'), children: <FilePreview id={p.labelFileId} testId="product-label-file" height={160} /> },
          ],
        },
        {
          key: 'traceability',
          title: t('product.sections.traceability'),
          items: [
            { key: 'udiDi', label: t('product.fields.udiDi'), children: p.udiDi ? <Typography.Text code copyable data-testid="product-field-udiDi">{p.udiDi}</Typography.Text> : '—' },
            { key: 'issuingAgency', label: t('product.fields.issuingAgency'), children: p.issuingAgency ? <Tag color="geekblue">{t(`product.issuingAgency.${p.issuingAgency}`)}</Tag> : '—' },
            { key: 'tracking', label: t('product.fields.tracking'), children: t(`product.tracking.${p.tracking}`) },
          ],
        },
        {
          key: 'storage',
          title: t('product.sections.storage'),
          items: [
            { key: 'storageTemp', label: t('product.fields.storageTemp'), children: range(p.storageTempMin, p.storageTempMax, '℃', t('product.storageUnset')) },
            { key: 'humidity', label: t('product.fields.humidity'), children: range(p.humidityMin, p.humidityMax, '%RH', t('product.storageUnset')) },
            { key: 'lightProtection', label: t('product.fields.lightProtection'), children: p.lightProtection ? <Tag color="purple">{t('product.lightProtected')}</Tag> : t('common.no') },
            { key: 'stackingLimit', label: t('product.fields.stackingLimit'), children: p.stackingLimit ? t('product.layers', { count: p.stackingLimit }) : '—' },
            { key: 'transportConditions', label: t('product.fields.transportConditions'), children: dash(p.transportConditions) },
            { key: 'shelfLifeDays', label: t('product.fields.shelfLifeDays'), children: p.shelfLifeDays ?? '—' },
          ],
        },
      ]}
      extraTabs={(p) => [
        {
          key: 'packaging',
          label: (
            <span data-testid="tab-packaging">
              <AppstoreOutlined /> {t('packaging.tab')}
            </span>
          ),
          children: <PackagingPanel product={p} />,
        },
        ...(seeFiles
          ? [
              {
                key: 'files',
                label: (
                  <span data-testid="tab-files">
                    <FolderOpenOutlined /> {t('qualification.filesTab')}
                  </span>
                ),
                children: <SubjectFilesPanel subjectId={p.id} kinds={['product']} />,
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
                children: <SubjectChangeRequestsPanel targetId={p.id} fieldLabel={(f) => productFieldLabel(t, f)} />,
              },
            ]
          : []),
      ]}
    />
  );
}
