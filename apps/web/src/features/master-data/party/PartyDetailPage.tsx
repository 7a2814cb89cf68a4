import { useParams } from 'react-router';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format/format.ts';
import { RecordDetail } from '../shared/RecordDetail.tsx';
import { partyApi } from './api.ts';
import { partyFieldLabel, partyValueLabel } from './labels.ts';
import { PartyKindTags } from './PartyKindTags.tsx';
import { PARTY_AUDIT_TABLE, type Party } from './types.ts';

export default function PartyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = partyApi.useDetail(id);
  const action = partyApi.useAction(id);
  const dash = (v: string | null | undefined) => v || '—';

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
      sections={(p) => [
        {
          key: 'basic',
          title: t('party.sections.basic'),
          items: [
            { key: 'name', label: t('party.fields.name'), children: <span data-testid="party-field-name">{p.name}</span> },
            { key: 'kinds', label: t('party.fields.kinds'), children: <PartyKindTags kinds={p.kinds ?? []} /> },
            { key: 'creditCode', label: t('party.fields.creditCode'), children: <Typography.Text code copyable>{p.creditCode}</Typography.Text> },
          ],
        },
        {
          key: 'licence',
          title: t('party.sections.licence'),
          items: [
            { key: 'licenceNo', label: t('party.fields.licenceNo'), children: dash(p.licenceNo) },
            { key: 'licenceValidTo', label: t('party.fields.licenceValidTo'), children: formatDate(p.licenceValidTo) },
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
    />
  );
}
