import type { z } from 'zod';
import { createProductInput } from '../product/product.model.ts';
import { createPartyInput } from '../party/party.model.ts';
import { addLicence } from '../licence/licence.commands.ts';
import type { ImportKind } from './columns.ts';
import type { ImportReport } from './import-errors.ts';
import type { MappedColumn, RowDraft, RowError } from './sheet-rows.ts';

/** What the database already holds that a row may collide with or refer to (read inside the command). */
export interface ExistingRecords {
  /** UDI-DI → number of the product that uses it (as product or packaging DI). */
  udiDis: Map<string, string>;
  /** 统一社会信用代码 → party. */
  parties: Map<string, { id: string; number: string }>;
  /** `${type}|${number}` of licences already recorded. */
  licences: Set<string>;
}

/** The values of the rows the database must be asked about. */
export interface LookupKeys {
  udiDis: string[];
  creditCodes: string[];
  licenceNumbers: string[];
}

export interface AcceptedRow {
  row: number;
  /** Parsed by the create command's own schema: ready for its create step. */
  input: Record<string, unknown>;
}

interface Issue {
  field: string | null;
  message: string;
}

interface KindRules {
  /** Same-file uniqueness: rows sharing a key are all refused (nobody can tell which one is right). */
  uniqueKey(raw: Record<string, unknown>): { field: string; key: string; label: string } | null;
  validate(raw: Record<string, unknown>, existing: ExistingRecords): Validated;
}

function zodIssues(error: z.ZodError, rename: Record<string, string> = {}): Issue[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? String(issue.path[0]) : null;
    return { field: field ? rename[field] ?? field : null, message: issue.message };
  });
}

type Validated = { input: Record<string, unknown> } | { issues: Issue[] };

function parseWith(schema: z.ZodType<Record<string, unknown>>, value: Record<string, unknown>, rename?: Record<string, string>): Validated {
  const parsed = schema.safeParse(value);
  return parsed.success ? { input: parsed.data } : { issues: zodIssues(parsed.error, rename) };
}

const rules: Record<ImportKind, KindRules> = {
  products: {
    uniqueKey: (raw) => (typeof raw.udiDi === 'string' ? { field: 'udiDi', key: raw.udiDi, label: 'UDI-DI' } : null),
    validate(raw, existing) {
      const result = parseWith(createProductInput, raw);
      if ('issues' in result) return result;
      const udiDi = result.input.udiDi as string | null;
      const owner = udiDi ? existing.udiDis.get(udiDi) : undefined;
      if (owner) return { issues: [{ field: 'udiDi', message: `UDI-DI 已被产品 ${owner} 使用 / UDI-DI already used by product ${owner}` }] };
      return result;
    },
  },
  parties: {
    uniqueKey: (raw) => (typeof raw.creditCode === 'string' ? { field: 'creditCode', key: raw.creditCode, label: '统一社会信用代码 creditCode' } : null),
    validate(raw, existing) {
      const result = parseWith(createPartyInput, raw);
      if ('issues' in result) return result;
      const party = existing.parties.get(result.input.creditCode as string);
      if (party) return { issues: [{ field: 'creditCode', message: `统一社会信用代码已属于往来单位 ${party.number} / credit code already belongs to party ${party.number}` }] };
      return result;
    },
  },
  licences: {
    uniqueKey: (raw) => (typeof raw.type === 'string' && typeof raw.number === 'string'
      ? { field: 'number', key: `${raw.type}|${raw.number}`, label: '证照类型+证照编号 type+number' } : null),
    validate(raw, existing) {
      const { creditCode, ...fields } = raw;
      const party = typeof creditCode === 'string' ? existing.parties.get(creditCode) : undefined;
      const issues: Issue[] = [];
      if (!party) issues.push({ field: 'creditCode', message: '未找到该统一社会信用代码的往来单位 / no party has this credit code' });
      const result = parseWith(addLicence.input, { partyId: party?.id ?? 'unknown', ...fields }, { partyId: 'creditCode' });
      if ('issues' in result) return { issues: [...issues, ...result.issues] };
      if (issues.length) return { issues };
      const input = result.input as { type: string; number: string; validFrom: string; validTo: string | null };
      // The same check the licence command makes before it writes (validTo is not before validFrom).
      if (input.validTo && input.validTo < input.validFrom) return { issues: [{ field: 'validTo', message: 'validTo is before validFrom' }] };
      if (existing.licences.has(`${input.type}|${input.number}`)) {
        return { issues: [{ field: 'number', message: '该类型与编号的证照已登记 / a licence of this type and number is already recorded' }] };
      }
      return result;
    },
  },
};

/** The values to look up in the database before rows can be checked against it. */
export function lookupKeys(drafts: RowDraft[]): LookupKeys {
  const strings = (field: string) => [...new Set(drafts.map((d) => d.raw[field]).filter((v): v is string => typeof v === 'string'))];
  return { udiDis: strings('udiDi'), creditCodes: strings('creditCode'), licenceNumbers: strings('number') };
}

/**
 * Validates every row with the create command's own schema, then across rows (duplicates within the file)
 * and against the database (`existing`). Pure: the report and the inputs of the accepted rows.
 */
export function validateRows(kind: ImportKind, columns: MappedColumn[], drafts: RowDraft[], existing: ExistingRecords): { report: ImportReport; accepted: AcceptedRow[] } {
  const rule = rules[kind];
  const letter = (field: string | null) => (field ? columns.find((c) => c.spec.field === field)?.letter ?? null : null);
  const errorsByRow = new Map<number, RowError[]>(drafts.map((d) => [d.row, [...d.errors]]));
  const inputs = new Map<number, Record<string, unknown>>();

  for (const draft of drafts) {
    const rowErrors = errorsByRow.get(draft.row)!;
    const result = rule.validate(draft.raw, existing);
    if ('input' in result) {
      if (rowErrors.length === 0) inputs.set(draft.row, result.input);
      continue;
    }
    const reported = new Set(rowErrors.map((e) => e.field));
    for (const issue of result.issues) {
      // A cell already refused while reading it (empty required cell, bad flag) is not reported twice.
      if (issue.field && reported.has(issue.field)) continue;
      rowErrors.push({ row: draft.row, column: letter(issue.field), field: issue.field, message: issue.message });
    }
  }

  const byKey = new Map<string, { rows: number[]; field: string; label: string }>();
  for (const draft of drafts) {
    const key = rule.uniqueKey(draft.raw);
    if (!key) continue;
    const entry = byKey.get(key.key) ?? { rows: [], field: key.field, label: key.label };
    entry.rows.push(draft.row);
    byKey.set(key.key, entry);
  }
  for (const [key, { rows, field, label }] of byKey) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).join(', ');
      errorsByRow.get(row)!.push({
        row, column: letter(field), field,
        message: `文件内重复的${label}“${key.split('|').pop()}”（另见第 ${others} 行） / duplicate ${label} in this file (also row ${others})`,
      });
      inputs.delete(row);
    }
  }

  const allErrors = drafts.flatMap((d) => errorsByRow.get(d.row)!);
  const accepted = drafts.filter((d) => errorsByRow.get(d.row)!.length === 0 && inputs.has(d.row)).map((d) => ({ row: d.row, input: inputs.get(d.row)! }));
  return {
    report: { rows: drafts.length, accepted: accepted.length, rejected: drafts.length - accepted.length, errors: allErrors },
    accepted,
  };
}
