import type { DirectReason, OrderInput, OrderStatus } from './types.ts';
import { DIRECT_REASONS, ORDER_STATUSES } from './types.ts';

export type TagColor = 'default' | 'processing' | 'success' | 'error' | 'warning' | 'purple';

const STATUS_COLORS: Record<OrderStatus, TagColor> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  closed: 'purple',
  cancelled: 'warning',
};

export function isOrderStatus(v: unknown): v is OrderStatus {
  return typeof v === 'string' && (ORDER_STATUSES as readonly string[]).includes(v);
}

export function orderStatusColor(status: string): TagColor {
  return isOrderStatus(status) ? STATUS_COLORS[status] : 'default';
}

export function isDirectReason(v: unknown): v is DirectReason {
  return typeof v === 'string' && (DIRECT_REASONS as readonly string[]).includes(v);
}

/**
 * A non-negative exact decimal as the server takes it: digits, an optional point and at most `scale`
 * decimals. The UI never turns it into a float; the server computes amounts and totals.
 */
export function isDecimalString(value: string, scale: number): boolean {
  const v = value.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return false;
  const decimals = v.includes('.') ? v.split('.')[1]!.length : 0;
  return decimals <= scale;
}

/** Positive: a decimal string that is not all zeros. */
export function isPositiveDecimalString(value: string, scale: number): boolean {
  return isDecimalString(value, scale) && /[1-9]/.test(value);
}

/** Quantities ≤ 3 decimals, unit prices ≤ 4 decimals (purchasing README). */
export const QUANTITY_SCALE = 3;
export const PRICE_SCALE = 4;

export interface OrderFormValues {
  supplierId?: string;
  expectedDeliveryDate?: string | null;
  qualityClause?: string;
  afterSalesClause?: string;
  note?: string | null;
  direct?: boolean;
  directReason?: DirectReason | null;
  directNote?: string | null;
  directCustomerId?: string | null;
  lines?: Array<{ productId?: string; quantity?: string; unitPrice?: string; unit?: string | null }>;
  reason?: string;
}

const blankToNull = (v: string | null | undefined): string | null => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

/** Form values → request body: trimmed strings, the 直调 fields both-or-neither, decimals untouched. */
export function orderBody(v: OrderFormValues): OrderInput {
  const direct = !!v.direct;
  const body: OrderInput = {
    supplierId: v.supplierId ?? '',
    qualityClause: (v.qualityClause ?? '').trim(),
    afterSalesClause: (v.afterSalesClause ?? '').trim(),
    expectedDeliveryDate: v.expectedDeliveryDate || null,
    note: blankToNull(v.note),
    direct,
    directReason: direct ? (v.directReason ?? null) : null,
    directNote: direct ? blankToNull(v.directNote) : null,
    directCustomerId: direct ? (v.directCustomerId ?? null) : null,
    lines: (v.lines ?? []).map((l) => ({
      productId: l.productId ?? '',
      quantity: (l.quantity ?? '').trim(),
      unitPrice: (l.unitPrice ?? '').trim(),
      unit: blankToNull(l.unit),
    })),
  };
  const reason = (v.reason ?? '').trim();
  if (reason) body.reason = reason;
  return body;
}

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface BlockReason {
  rule: string;
  requirement: string;
  message: LocalizedText | string;
}

/** The reasons of a 422 QUALIFICATION_BLOCKED (`facts.reasons`), plus the line it names. */
export function qualificationBlock(problem: { code?: string; facts?: Record<string, unknown>; rule?: string; requirement?: string; detail?: string }): {
  lineNo: number | null;
  reasons: BlockReason[];
} | null {
  if (problem.code !== 'QUALIFICATION_BLOCKED') return null;
  const facts = problem.facts ?? {};
  const raw = Array.isArray(facts.reasons) ? (facts.reasons as unknown[]) : [];
  const reasons: BlockReason[] = raw
    .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
    .map((r) => ({
      rule: String(r.rule ?? ''),
      requirement: String(r.requirement ?? ''),
      message: (r.message && typeof r.message === 'object' ? (r.message as LocalizedText) : String(r.message ?? '')) as LocalizedText | string,
    }));
  if (reasons.length === 0 && (problem.rule || problem.requirement)) {
    reasons.push({ rule: problem.rule ?? '', requirement: problem.requirement ?? '', message: problem.detail ?? '' });
  }
  const lineNo = typeof facts.lineNo === 'number' ? facts.lineNo : null;
  return { lineNo, reasons };
}

/** Whether every applicable approval rule has its signatures (e.g. "1/1"). */
export function approvalDone(progress: ReadonlyArray<{ given: number; required: number }>): boolean {
  return progress.every((p) => p.given >= p.required);
}
