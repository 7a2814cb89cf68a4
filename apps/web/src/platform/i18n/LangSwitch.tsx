import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from './index.ts';
import { LANGS, type Lang } from './language.ts';

/** 中文 / English switch; the choice persists in localStorage (`custodia.lang`). */
export function LangSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t, i18n } = useTranslation();
  const value = currentLang();
  return (
    <Segmented<Lang>
      size={size}
      data-testid="lang-switch"
      data-lang={value}
      aria-label={t('app.language')}
      value={value}
      key={i18n.language}
      onChange={(v) => void setLang(v)}
      options={LANGS.map((l) => ({ value: l, label: <span data-testid={`lang-switch-${l}`}>{t(`lang.${l}`)}</span> }))}
    />
  );
}
