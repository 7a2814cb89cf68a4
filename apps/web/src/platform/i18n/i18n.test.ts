import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.ts';
import en from './en.ts';
import { acceptLanguage, initialLang, LANG_STORAGE_KEY, normalizeLang } from './language.ts';

function flatten(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof obj !== 'object' || obj === null) return out;
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) {
      for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    } else {
      out.set(key, v);
    }
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const zh = flatten(zhCN);
  const e = flatten(en);

  it('zh-CN and en have exactly the same keys', () => {
    const onlyZh = [...zh.keys()].filter((k) => !e.has(k));
    const onlyEn = [...e.keys()].filter((k) => !zh.has(k));
    expect(onlyZh).toEqual([]);
    expect(onlyEn).toEqual([]);
  });

  it('every message is a non-empty string', () => {
    for (const [k, v] of [...zh, ...e]) {
      expect(typeof v, k).toBe('string');
      expect((v as string).trim().length, k).toBeGreaterThan(0);
    }
  });

  it('interpolation placeholders match between languages', () => {
    for (const [k, v] of zh) {
      expect(placeholders(String(e.get(k))), k).toEqual(placeholders(String(v)));
    }
  });

  it('Chinese is really Chinese where it should be', () => {
    expect(zhCN.status.submitted).toBe('待审核');
    expect(zhCN.menu.masterData).toBe('主数据');
    expect(en.status.submitted).toBe('Submitted');
  });
});

describe('language selection', () => {
  const storage = (value: string | null) => ({ getItem: (k: string) => (k === LANG_STORAGE_KEY ? value : null), setItem: () => {} });

  it('defaults to Simplified Chinese', () => {
    expect(initialLang(storage(null))).toBe('zh-CN');
    expect(initialLang(null)).toBe('zh-CN');
  });

  it('honours the stored choice', () => {
    expect(initialLang(storage('en'))).toBe('en');
    expect(initialLang(storage('fr'))).toBe('zh-CN');
  });

  it('normalizes language tags and sends zh-CN or en', () => {
    expect(normalizeLang('zh-Hans-CN')).toBe('zh-CN');
    expect(normalizeLang('en-US')).toBe('en');
    expect(normalizeLang('de')).toBeNull();
    expect(acceptLanguage('zh-CN')).toBe('zh-CN');
    expect(acceptLanguage('en')).toBe('en');
  });
});
