/** Languages the UI ships. Simplified Chinese is the primary language. */
export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_STORAGE_KEY = 'custodia.lang';

/** Maps any BCP 47-ish tag ("zh", "zh-Hans-CN", "en-US", …) onto a shipped language. */
export function normalizeLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return null;
}

/** Value of the Accept-Language header sent with every API request. */
export function acceptLanguage(lang: Lang): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy mode)
  }
}

export function readStoredLang(storage: StorageLike | null = defaultStorage()): Lang | null {
  try {
    return normalizeLang(storage?.getItem(LANG_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function storeLang(lang: Lang, storage: StorageLike | null = defaultStorage()): void {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* ignore: the choice then lasts for this page only */
  }
}

/** The user's explicit choice wins; otherwise Chinese. */
export function initialLang(storage: StorageLike | null = defaultStorage()): Lang {
  return readStoredLang(storage) ?? DEFAULT_LANG;
}
