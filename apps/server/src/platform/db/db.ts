// One small interface over PGlite (embedded) and node-postgres (production) so that
// repositories, the bus and the tests never care which one runs underneath.
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  /** Runs several statements without parameters (migrations, SET commands). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Type ids whose parsing must agree on both drivers. */
export const TYPE_INT8 = 20;
export const TYPE_DATE = 1082;
export const TYPE_NUMERIC = 1700;

/** int8 as a JS number (ids and counters stay below 2^53); dates as 'YYYY-MM-DD' text; numeric as exact text. */
export const sharedParsers: Record<number, (value: string) => unknown> = {
  [TYPE_INT8]: (value) => Number(value),
  [TYPE_DATE]: (value) => value,
  [TYPE_NUMERIC]: (value) => value,
};

/** Driver errors arrive wrapped in different ways; this finds the SQLSTATE. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
