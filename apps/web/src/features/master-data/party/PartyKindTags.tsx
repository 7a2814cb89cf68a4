import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTY_KINDS, type PartyKind } from './types.ts';

const COLORS: Record<PartyKind, string> = { supplier: 'geekblue', customer: 'green', manufacturer: 'purple', carrier: 'gold', third_party_logistics: 'cyan' };

export function PartyKindTags({ kinds }: { kinds: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {kinds.map((k) =>
        (PARTY_KINDS as readonly string[]).includes(k) ? (
          <Tag key={k} color={COLORS[k as PartyKind]}>
            {t(`party.kinds.${k as PartyKind}`)}
          </Tag>
        ) : (
          <Tag key={k}>{k}</Tag>
        ),
      )}
    </>
  );
}
