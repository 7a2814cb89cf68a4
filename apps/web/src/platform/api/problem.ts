/**
 * RFC 9457 problem details as returned by the Custodia API
 * (`application/problem+json`). `detail` is already localized by the server
 * according to the request's Accept-Language.
 */
export interface ProblemFieldError {
  path: string | Array<string | number>;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  /** Regulatory requirement the rule implements, e.g. "GSP 第六十一条" or "21 CFR 11.200". */
  requirement?: string;
  rule?: string;
  errors?: ProblemFieldError[];
  /** Machine-readable details of a refusal, e.g. the row-level report of an IMPORT_REJECTED. */
  facts?: Record<string, unknown>;
}

/** Codes produced by the client itself when there is no server problem document. */
export const CLIENT_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
  unknown: 'UNKNOWN_ERROR',
} as const;

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || problem.code || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Validates an untrusted JSON body into a Problem (never throws). */
export function parseProblem(body: unknown, status: number, statusText = ''): Problem {
  if (!isRecord(body)) {
    return { status, title: statusText || undefined, code: status === 0 ? CLIENT_CODES.network : undefined };
  }
  const errors = Array.isArray(body.errors)
    ? body.errors
        .filter(isRecord)
        .map((e): ProblemFieldError => ({
          path: Array.isArray(e.path)
            ? e.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
            : String(e.path ?? ''),
          message: String(e.message ?? ''),
        }))
    : undefined;
  return {
    type: str(body.type),
    title: str(body.title) ?? (statusText || undefined),
    status: typeof body.status === 'number' ? body.status : status,
    code: str(body.code),
    detail: str(body.detail),
    requirement: str(body.requirement),
    rule: str(body.rule),
    errors: errors && errors.length > 0 ? errors : undefined,
    facts: isRecord(body.facts) ? body.facts : undefined,
  };
}

/** Turns anything thrown by a query or mutation into a Problem. */
export function toProblem(err: unknown): Problem {
  if (isApiError(err)) return err.problem;
  if (err instanceof Error) return { status: 0, code: CLIENT_CODES.unknown, detail: err.message };
  return { status: 0, code: CLIENT_CODES.unknown };
}

/**
 * Converts a server error path into an antd Form NamePath.
 * Accepts "udiDi", "/udiDi" (JSON pointer), "signature.password",
 * "items[0].qty", "items/0/qty" and pre-split arrays.
 */
export function errorPathToNamePath(path: ProblemFieldError['path']): Array<string | number> {
  const parts = Array.isArray(path)
    ? path.map((p) => String(p))
    : path
        .replace(/^#?\//, '')
        .replace(/\[(\d+)\]/g, '.$1')
        .split(/[./]/)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.filter((p) => p.length > 0).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface FieldErrorMapping {
  /** Errors that belong to a field present in the form, ready for `form.setFields`. */
  fields: Array<{ name: Array<string | number>; errors: string[] }>;
  /** Errors for paths the form does not show (displayed in the general alert). */
  other: Array<{ path: string; message: string }>;
}

/** Splits a problem's `errors[]` into form-field errors and the rest. */
export function mapFieldErrors(problem: Problem, knownFields: readonly string[]): FieldErrorMapping {
  const known = new Set(knownFields);
  const grouped = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const other: FieldErrorMapping['other'] = [];
  for (const e of problem.errors ?? []) {
    const name = errorPathToNamePath(e.path);
    if (name.length > 0 && known.has(String(name[0]))) {
      const key = JSON.stringify(name);
      const entry = grouped.get(key) ?? { name, errors: [] };
      entry.errors.push(e.message);
      grouped.set(key, entry);
    } else {
      other.push({ path: name.join('.'), message: e.message });
    }
  }
  return { fields: [...grouped.values()], other };
}

export type ProblemMessageKey = 'errors.network' | 'errors.unauthorized' | 'errors.forbidden' | 'errors.notFound' | 'errors.server' | 'errors.unknown';
type Translate = (key: ProblemMessageKey, options?: { status: number }) => string;

export interface ProblemSummary {
  /** The localized sentence to show: server `detail`, else title, else a client fallback. */
  message: string;
  code?: string;
  requirement?: string;
  rule?: string;
  status: number;
}

/** What a user sees for a problem: the server's localized detail plus code and requirement. */
export function summarizeProblem(problem: Problem, t: Translate): ProblemSummary {
  let message = problem.detail ?? problem.title;
  if (!message) {
    if (problem.code === CLIENT_CODES.network || problem.status === 0) message = t('errors.network');
    else if (problem.status === 401) message = t('errors.unauthorized');
    else if (problem.status === 403) message = t('errors.forbidden');
    else if (problem.status === 404) message = t('errors.notFound');
    else if (problem.status >= 500) message = t('errors.server', { status: problem.status });
    else message = t('errors.unknown', { status: problem.status });
  }
  return {
    message,
    code: problem.code,
    requirement: problem.requirement,
    rule: problem.rule,
    status: problem.status,
  };
}
