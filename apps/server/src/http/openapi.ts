import { z } from 'zod';
import type { Registry } from '../platform/bus/definitions.ts';
import type { ModuleDefinition } from '../platform/module.ts';
import { API_PREFIX } from './route-row.ts';

type Json = Record<string, unknown>;

function schemaOf(type: z.ZodType): Json {
  const schema = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as Json;
  delete schema.$schema;
  return schema;
}

const problem = {
  description: 'Problem details (RFC 9457)',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status', 'code', 'detail'],
        properties: {
          type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' },
          detail: { type: 'string', description: 'Message in the caller’s language (Accept-Language: zh-CN default, en)' },
          requirement: { type: 'string', description: 'Requirement ID of the compliance rule that refused the request' },
          rule: { type: 'string' },
          errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the route rows and the command/query registry. */
export function buildOpenApi(registry: Registry, modules: ModuleDefinition[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const module of modules) {
    for (const row of module.routes) {
      const path = `${API_PREFIX}${row.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`;
      const pathParams = [...row.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]);
      const parameters: Json[] = pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
      const operation: Json = { tags: [row.tag], responses: { '400': problem, '401': problem, '403': problem, '404': problem, '409': problem } };
      if (row.query) {
        const query = registry.queries.get(row.query)!;
        const schema = schemaOf(query.input);
        const properties = (schema.properties ?? {}) as Record<string, Json>;
        for (const [name, property] of Object.entries(properties)) {
          if (pathParams.includes(name)) continue;
          parameters.push({ name, in: 'query', required: ((schema.required as string[]) ?? []).includes(name) && !('default' in property), schema: property });
        }
        Object.assign(operation, {
          operationId: query.name, summary: query.summary.en, description: `${query.summary['zh-CN']} · permission \`${query.permission}\``,
        });
      } else {
        const command = registry.commands.get(row.command!)!;
        const schema = schemaOf(command.input);
        const properties = { ...((schema.properties ?? {}) as Json) };
        for (const name of pathParams) delete properties[name];
        properties.reason = { type: 'string', maxLength: 1000, description: command.reasonRequired ? 'Required: why this change is made' : 'Why this change is made' };
        if (command.signature) {
          properties.signature = {
            type: 'object', required: ['password', 'meaning'], additionalProperties: false,
            description: 'Electronic signature (21 CFR 11.50/11.200): re-enter your password',
            properties: { password: { type: 'string' }, meaning: { type: 'string', enum: [...command.signature.meanings] } },
          };
        }
        const required = ((schema.required as string[]) ?? []).filter((name) => !pathParams.includes(name));
        if (command.reasonRequired) required.push('reason');
        if (command.signature) required.push('signature');
        Object.assign(operation, {
          operationId: command.name,
          summary: command.summary.en,
          description: `${command.summary['zh-CN']} · permission \`${command.name}\``,
          requestBody: { required: required.length > 0, content: { 'application/json': { schema: { ...schema, properties, required, additionalProperties: false } } } },
        });
      }
      if (parameters.length) operation.parameters = parameters;
      (operation.responses as Json)[String(row.status ?? 200)] = { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } };
      paths[path] = { ...(paths[path] ?? {}), [row.method.toLowerCase()]: operation };
    }
  }
  paths[`${API_PREFIX}/health`] = { get: { operationId: 'health', summary: 'Health', security: [], responses: { '200': { description: 'OK' } } } };
  paths[`${API_PREFIX}/auth/login`] = {
    post: {
      operationId: 'auth.login', summary: 'Sign in (sets the session cookie)', security: [],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } } } } },
      responses: { '200': { description: 'Signed in' }, '401': problem, '423': problem },
    },
  };
  paths[`${API_PREFIX}/auth/logout`] = { post: { operationId: 'auth.logout', summary: 'Sign out', responses: { '200': { description: 'OK' } } } };
  paths[`${API_PREFIX}/auth/me`] = { get: { operationId: 'auth.me', summary: 'The signed-in user', responses: { '200': { description: 'OK' }, '401': problem } } };
  return {
    openapi: '3.1.0',
    info: { title: 'Custodia API', version, description: 'Compliance-first ERP for medical-device distributors. 医疗器械经营合规 ERP。' },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'custodia_session' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'API key `ck_…` as a bearer token (or the X-API-Key header)' },
      },
    },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
}
