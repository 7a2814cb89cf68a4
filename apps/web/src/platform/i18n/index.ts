import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN, { type Messages } from './zh-CN.ts';
import en from './en.ts';
import { DEFAULT_LANG, initialLang, normalizeLang, readStoredLang, storeLang, type Lang } from './language.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function applyLangSideEffects(lang: Lang): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

const startLang = initialLang();

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: startLang,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLangSideEffects(startLang);

export function currentLang(): Lang {
  return normalizeLang(i18next.language) ?? DEFAULT_LANG;
}

/** Switches the UI language and remembers the choice in localStorage (`custodia.lang`). */
export async function setLang(lang: Lang): Promise<void> {
  storeLang(lang);
  applyLangSideEffects(lang);
  await i18next.changeLanguage(lang);
}

/**
 * Applies the signed-in user's preferred locale unless the user picked a
 * language on this device (the explicit choice in localStorage wins).
 */
export async function adoptUserLocale(locale: string | null | undefined): Promise<void> {
  const lang = normalizeLang(locale);
  if (!lang || readStoredLang() !== null || lang === currentLang()) return;
  applyLangSideEffects(lang);
  await i18next.changeLanguage(lang);
}

export { i18next };
