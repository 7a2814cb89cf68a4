export const API_PREFIX = '/api/v1';

/** One HTTP route, declared as data: the adapter turns it into a call to the bus. */
export interface RouteRow {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path under /api/v1, Fastify syntax: `/master-data/products/:id/submit`. */
  path: string;
  command?: string;
  query?: string;
  /** Success status; 200 unless given. */
  status?: number;
  /** After a command, answer with this query run on `{ id }` of the command's result. */
  respondWith?: string;
  tag: string;
}

/** The routes of a document with a lifecycle: list, detail, create, update and one POST per transition. */
export function documentRoutes(base: string, name: string, transitions: string[], tag: string): RouteRow[] {
  return [
    { method: 'GET', path: base, query: `${name}.list`, tag },
    { method: 'POST', path: base, command: `${name}.create`, status: 201, respondWith: `${name}.get`, tag },
    { method: 'GET', path: `${base}/:id`, query: `${name}.get`, tag },
    { method: 'PATCH', path: `${base}/:id`, command: `${name}.update`, respondWith: `${name}.get`, tag },
    ...transitions.map((transition) => ({
      method: 'POST' as const,
      path: `${base}/:id/${transition}`,
      command: `${name}.${transition}`,
      respondWith: `${name}.get`,
      tag,
    })),
  ];
}
