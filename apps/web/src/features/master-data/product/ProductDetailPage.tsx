import { useParams } from 'react-router';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format/format.ts';
import { RecordDetail } from '../shared/RecordDetail.tsx';
import { productApi } from './api.ts';
import { productFieldLabel, productValueLabel } from './labels.ts';
import { PRODUCT_AUDIT_TABLE, type Product } from './types.ts';

export default function ProductDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = productApi.useDetail(id);
  const action = productApi.useAction(id);

  const temp = (p: Product) => {
    const { storageTempMin: lo, storageTempMax: hi } = p;
    if (lo == null && hi == null) return <Typography.Text type="secondary">{t('product.storageUnset')}</Typography.Text>;
    return `${lo ?? '—'} ℃ ~ ${hi ?? '—'} ℃`;
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
            { key: 'registrant', label: t('product.fields.registrant'), children: p.registrant },
            { key: 'registrationNo', label: t('product.fields.registrationNo'), children: p.registrationNo },
            { key: 'registrationValidTo', label: t('product.fields.registrationValidTo'), children: formatDate(p.registrationValidTo) },
          ],
        },
        {
          key: 'traceability',
          title: t('product.sections.traceability'),
          items: [
            { key: 'udiDi', label: t('product.fields.udiDi'), children: <Typography.Text code copyable data-testid="product-field-udiDi">{p.udiDi}</Typography.Text> },
            { key: 'tracking', label: t('product.fields.tracking'), children: t(`product.tracking.${p.tracking}`) },
          ],
        },
        {
          key: 'storage',
          title: t('product.sections.storage'),
          items: [
            { key: 'storageTemp', label: t('product.fields.storageTemp'), children: temp(p) },
            { key: 'shelfLifeDays', label: t('product.fields.shelfLifeDays'), children: p.shelfLifeDays ?? '—' },
          ],
        },
      ]}
    />
  );
}
