/**
 * Pure view model for the scan field: parses scanner input with @custodia/gs1
 * and turns the result or the error into labelled rows in the user's language.
 * Requirement IDs: GS1-05 (scanner input, GS substitute), CN-UDI-01/03 (DI and PI shown separately).
 */
import { tryParse, type ParseOptions, type ParseResult, type Scheme } from '@custodia/gs1';

export type ScanLanguage = 'zh' | 'en';

/** i18n language → message language; Chinese (zh-CN) unless the UI is in English. */
export function languageOf(i18nLanguage: string | undefined): ScanLanguage {
  return i18nLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export interface ScanRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

export type ScanDisplay =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly scheme: Scheme; readonly schemeLabel: string; readonly rows: readonly ScanRow[]; readonly result: ParseResult }
  | { readonly status: 'error'; readonly code: string; readonly message: string; readonly position: number };

const LABELS: Record<string, Record<ScanLanguage, string>> = {
  di: { zh: '产品标识 (DI)', en: 'Device identifier (DI)' },
  packageLevel: { zh: '包装层级', en: 'Package level' },
  lot: { zh: '批号', en: 'Lot' },
  serial: { zh: '序列号', en: 'Serial number' },
  productionDate: { zh: '生产日期', en: 'Production date' },
  expiry: { zh: '失效日期', en: 'Expiry date' },
  sterilisationLot: { zh: '灭菌批号', en: 'Sterilisation lot' },
  donationId: { zh: '献血编号', en: 'Donation ID' },
  sscc: { zh: '系列货运包装箱代码 (SSCC)', en: 'SSCC' },
  count: { zh: '数量', en: 'Count' },
  hri: { zh: '人工识读', en: 'HRI' },
};

const SCHEMES: Record<Scheme, Record<ScanLanguage, string>> = {
  GS1: { zh: 'GS1（中国物品编码中心）', en: 'GS1' },
  MA: { zh: 'MA 码（中关村工信二维码技术研究院）', en: 'MA code (IDcode)' },
  HIBCC: { zh: 'HIBCC', en: 'HIBCC' },
  ICCBBA: { zh: 'ICCBBA (ISBT 128)', en: 'ICCBBA (ISBT 128)' },
};

const FIELDS = ['di', 'packageLevel', 'lot', 'serial', 'productionDate', 'expiry', 'sterilisationLot', 'donationId', 'sscc', 'count', 'hri'] as const;

/** Rows for the fields that are present, in a fixed order: DI first, then the PI components. */
export function resultRows(result: ParseResult, language: ScanLanguage): ScanRow[] {
  const rows: ScanRow[] = [];
  for (const key of FIELDS) {
    const value = result[key];
    if (value === null || value === '') continue;
    rows.push({ key, label: LABELS[key]?.[language] ?? key, value: String(value) });
  }
  return rows;
}

/** Parses one scan and describes it; never throws. */
export function describeScan(input: string, options: ParseOptions, language: ScanLanguage): ScanDisplay {
  if (input.trim() === '') return { status: 'empty' };
  const parsed = tryParse(input, options);
  if (!parsed.ok) {
    const { error } = parsed;
    return { status: 'error', code: error.code, message: error.message[language], position: error.position };
  }
  const result = parsed.value;
  return { status: 'ok', scheme: result.scheme, schemeLabel: SCHEMES[result.scheme][language], rows: resultRows(result, language), result };
}

/** Shows control characters (GS) visibly, e.g. for the "as scanned" echo. */
export function visibleControls(input: string): string {
  return input.replace(/[\u0000-\u001f]/g, (c) => (c === '\u001d' ? '<GS>' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
