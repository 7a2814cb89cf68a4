import { acceptLanguage, type Lang } from '../i18n/language.ts';
import { ApiError, CLIENT_CODES, parseProblem } from './problem.ts';

export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Do not treat a 401 as "session ended". Used by login, /auth/me and
   * electronic-signature requests, where 401 means wrong credentials.
   */
  skipAuthRedirect?: boolean;
}

interface ApiConfig {
  getLanguage: () => Lang;
  onUnauthorized: () => void;
}

const config: ApiConfig = {
  getLanguage: () => 'zh-CN',
  onUnauthorized: () => {},
};

export function configureApi(partial: Partial<ApiConfig>): void {
  Object.assign(config, partial);
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.append(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  return text;
}

export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage(config.getLanguage()),
  };
  const init: RequestInit = {
    method: opts.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    signal: opts.signal,
  };
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: CLIENT_CODES.network });
  }

  const body = await readBody(res);
  if (!res.ok) {
    const problem = parseProblem(body, res.status, res.statusText);
    if (res.status === 401 && !opts.skipAuthRedirect) config.onUnauthorized();
    throw new ApiError(problem);
  }
  if (body !== undefined && typeof body === 'string') {
    // A 2xx that is not JSON (e.g. the SPA's index.html because the API route is missing).
    throw new ApiError({ status: res.status, code: CLIENT_CODES.badResponse });
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, opts: Omit<RequestOptions, 'method' | 'query'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'PATCH', body }),
};

/** URL of a stored scan or image (`GET /files/:id` answers the bytes with their content type). */
export function fileUrl(id: string): string {
  return buildUrl(`/files/${encodeURIComponent(id)}`);
}

/** Content type and name of a stored file without downloading it (HEAD). */
export async function fetchFileInfo(id: string, signal?: AbortSignal): Promise<{ mime: string; name: string | null; sha256: string | null }> {
  const res = await fetch(fileUrl(id), { method: 'HEAD', credentials: 'same-origin', signal });
  if (!res.ok) throw new ApiError({ status: res.status });
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  let name: string | null = null;
  try {
    name = star ? decodeURIComponent(star[1]!) : plain ? plain[1]! : null;
  } catch {
    name = null;
  }
  return { mime: (res.headers.get('content-type') ?? '').split(';')[0]!.trim(), name, sha256: res.headers.get('x-content-sha256') };
}
