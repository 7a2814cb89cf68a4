import { Link } from 'react-router';
import { Button, Tag, Typography, type TableColumnsType } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { formatDate, formatDateTime } from '../../../platform/format/format.ts';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { StatusTag } from '../../../platform/status/StatusTag.tsx';
import { MasterList } from '../shared/MasterList.tsx';
import { useQualificationIndex } from '../../qualification/api.ts';
import { qualificationOf } from '../../qualification/model.ts';
import { ExpiryCell, FileStatusCell } from '../../qualification/QualificationTags.tsx';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { productApi } from './api.ts';
import type { Product } from './types.ts';

export default function ProductListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qual = useQualificationIndex();

  const columns: TableColumnsType<Product> = [
    {
      title: t('product.fields.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/master-data/products/${r.id}`} data-testid="product-link" data-number={v}>
          {v}
        </Link>
      ),
    },
    {
      title: t('product.fields.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Link to={`/master-data/products/${r.id}`} style={{ color: 'inherit' }}>
          <Typography.Text strong>{v}</Typography.Text>
        </Link>
      ),
    },
    { title: t('product.fields.model'), dataIndex: 'model' },
    { title: t('product.fields.deviceClass'), dataIndex: 'deviceClass', render: (v: Product['deviceClass']) => <Tag>{t(`product.deviceClass.${v}`)}</Tag> },
    { title: t('common.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} testId="product-row-status" /> },
    ...(qual.enabled
      ? [
          {
            title: t('qualification.fileColumn'),
            key: 'qualification',
            render: (_: unknown, r: Product) => <FileStatusCell q={qualificationOf(qual.index, r.id)} kinds={['product']} lockedReason={r.lockedReason} />,
          },
          {
            title: t('qualification.expiryColumn'),
            key: 'expiry',
            render: (_: unknown, r: Product) => <ExpiryCell q={qualificationOf(qual.index, r.id)} />,
          },
        ]
      : []),
    { title: t('product.fields.registrationNo'), dataIndex: 'registrationNo' },
    { title: t('product.fields.registrationValidTo'), dataIndex: 'registrationValidTo', render: (v: string) => formatDate(v) },
    { title: t('product.fields.udiDi'), dataIndex: 'udiDi', render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <Typography.Text type="secondary">{formatDateTime(v)}</Typography.Text> },
  ];

  return (
    <MasterList<Product>
      kind="product"
      title={t('product.listTitle')}
      intro={t('product.listIntro')}
      searchPlaceholder={t('product.searchPlaceholder')}
      newLabel={t('product.new')}
      newPath="/master-data/products/new"
      canCreate={can(PERMS.productCreate)}
      columns={columns}
      useList={productApi.useList}
      exportPath="/master-data/products/export.xlsx"
      extraActions={
        can(PERMS.importApply) ? (
          <Link to="/master-data/import?kind=products">
            <Button icon={<ImportOutlined />} data-testid="product-import">
              {t('io.import')}
            </Button>
          </Link>
        ) : null
      }
      notice={qual.error ? <ProblemAlert error={qual.error} testId="qualification-index-error" style={{ marginBottom: 16 }} /> : null}
    />
  );
}
