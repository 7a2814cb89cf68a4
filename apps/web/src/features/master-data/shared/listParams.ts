import type { ListParams } from './types.ts';

export const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

/** URL search params (q, status, page, size) → API list params (limit/offset). */
export function listParamsFromSearch(search: URLSearchParams): ListParams & { page: number } {
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const sizeRaw = Number.parseInt(search.get('size') ?? '', 10);
  const limit = PAGE_SIZES.includes(sizeRaw) ? sizeRaw : DEFAULT_PAGE_SIZE;
  const q = search.get('q')?.trim() || undefined;
  const status = search.get('status') || undefined;
  return { q, status, limit, offset: (page - 1) * limit, page };
}

/** Applies a change to the URL search params, dropping defaults; filter changes reset the page. */
export function nextSearch(current: URLSearchParams, change: { q?: string | null; status?: string | null; page?: number; size?: number }): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (k: string, v: string | number | null | undefined) => {
    if (v === undefined) return;
    if (v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  };
  set('q', change.q === undefined ? undefined : change.q?.trim() || null);
  set('status', change.status);
  if (change.q !== undefined || change.status !== undefined) next.delete('page');
  if (change.page !== undefined) set('page', change.page <= 1 ? null : change.page);
  if (change.size !== undefined) set('size', change.size === DEFAULT_PAGE_SIZE ? null : change.size);
  return next;
}
