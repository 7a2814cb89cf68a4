import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { Core } from '../app.ts';
import type { Actor } from '../platform/authz/actor.ts';
import { errors } from '../platform/errors.ts';
import { fieldErrors } from '../platform/bus/zod-errors.ts';
import type { ModuleDefinition } from '../platform/module.ts';
import { buildOpenApi } from './openapi.ts';
import { sendProblem, toAppError } from './problem.ts';
import type { RouteRow } from './route-row.ts';
import { docsPage } from './docs-page.ts';

export const SESSION_COOKIE = 'custodia_session';
import { API_PREFIX } from './route-row.ts';
export { API_PREFIX };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface HttpOptions {
  version: string;
  webDist?: string;
  logger?: boolean | object;
  secureCookies?: boolean;
}

const loginInput = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const signatureInput = z.strictObject({ password: z.string().min(1).max(200), meaning: z.string().min(1).max(40) });

/** Splits a command body into the command's own input and the envelope (reason, signature). */
function splitEnvelope(body: unknown): { input: Record<string, unknown>; reason: string | null; signature: unknown } {
  if (body === undefined || body === null) return { input: {}, reason: null, signature: undefined };
  if (typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest([{ path: '', message: 'body must be a JSON object' }]);
  const { reason, signature, ...input } = body as Record<string, unknown>;
  if (reason !== undefined && reason !== null && (typeof reason !== 'string' || reason.length > 1000)) {
    throw errors.badRequest([{ path: 'reason', message: 'reason must be a string of at most 1000 characters' }]);
  }
  return { input, reason: (reason as string | null | undefined) ?? null, signature };
}

function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}

export async function buildHttpServer(core: Core, modules: ModuleDefinition[], options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 12 * 1024 * 1024, trustProxy: false });
  await app.register(cookie);
  // Commands speak JSON only; any other body is 415, not a string handed to a handler.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('actor', null);

  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error);
    if (known) return sendProblem(request, reply, known);
    request.log.error(error);
    return reply.status(500).type('application/problem+json; charset=utf-8').send({
      type: 'about:blank', title: 'INTERNAL', status: 500, code: 'INTERNAL', detail: 'Internal server error / 服务器内部错误',
    });
  });

  // The actor comes from the session cookie or an API key, never from the request body (CN-SYS-03).
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith(API_PREFIX)) return;
    const authorization = request.headers.authorization;
    const apiKey = (request.headers['x-api-key'] as string | undefined) ?? (authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined);
    if (apiKey) {
      request.actor = await core.auth.actorForApiKey(apiKey);
      if (!request.actor) throw errors.unauthenticated();
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await core.auth.actorForSession(token);
  });

  app.get(`${API_PREFIX}/health`, async () => ({ status: 'ok', database: core.db.kind, version: options.version }));

  app.post(`${API_PREFIX}/auth/login`, async (request, reply) => {
    const parsed = loginInput.safeParse(request.body ?? {});
    if (!parsed.success) throw errors.badRequest(fieldErrors(parsed.error));
    const session = await core.auth.login(parsed.data.username, parsed.data.password);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: options.secureCookies ?? false, expires: new Date(session.expiresAt),
    });
    return { user: actorView(session.actor) };
  });

  app.post(`${API_PREFIX}/auth/logout`, async (request, reply) => {
    const actor = requireActor(request);
    await core.auth.logout(actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get(`${API_PREFIX}/auth/me`, async (request) => ({ user: actorView(requireActor(request)) }));

  const openapi = buildOpenApi(core.registry, modules, options.version);
  app.get(`${API_PREFIX}/openapi.json`, async () => openapi);
  app.get(`${API_PREFIX}/docs`, async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage(openapi)));

  for (const module of modules) for (const row of module.routes) registerRow(app, core, row);

  app.all(`${API_PREFIX}/*`, async () => {
    throw errors.unknownRoute();
  });

  if (options.webDist && existsSync(options.webDist)) {
    // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, { root: options.webDist, wildcard: true });
    // The web UI routes in the browser: any other GET answers index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return sendProblem(request, reply, errors.unknownRoute());
    });
  } else {
    app.setNotFoundHandler((request, reply) => sendProblem(request, reply, errors.unknownRoute()));
  }
  return app;
}

function registerRow(app: FastifyInstance, core: Core, row: RouteRow) {
  app.route({
    method: row.method,
    url: `${API_PREFIX}${row.path}`,
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const params = request.params as Record<string, string>;
      if (row.query) {
        const result = await core.bus.query<Record<string, unknown>>(row.query, { ...(request.query as object), ...params }, actor);
        if (result && result.binary === true) {
          // Files answer their bytes, with the SHA-256 the audit trail holds.
          return reply
            .type(String(result.mime))
            // Scans open in the browser; exports (spreadsheets) are saved.
            .header('content-disposition', `${String(result.mime).startsWith('application/vnd.') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(String(result.name))}`)
            .header('x-content-sha256', String(result.sha256))
            .send(result.content);
        }
        return result;
      }
      const { input, reason, signature } = splitEnvelope(request.body);
      let parsedSignature: { password: string; meaning: string } | null = null;
      if (signature !== undefined && signature !== null) {
        const checked = signatureInput.safeParse(signature);
        if (!checked.success) throw errors.badRequest(fieldErrors(checked.error).map((e) => ({ ...e, path: `signature.${e.path}` })));
        parsedSignature = checked.data;
      }
      const result = await core.bus.execute<Record<string, unknown>>(row.command!, { ...input, ...params }, actor, { reason, signature: parsedSignature });
      reply.status(row.status ?? 200);
      if (row.respondWith && result && typeof result.id === 'string') {
        const view = await core.bus.query<Record<string, unknown>>(row.respondWith, { id: result.id }, actor);
        return result.approvals ? { ...view, approvals: result.approvals } : view;
      }
      return result;
    },
  });
}

export function actorView(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    locale: actor.locale,
  };
}
