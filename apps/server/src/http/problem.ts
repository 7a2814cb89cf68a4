import Negotiator from 'negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errors, localize } from '../platform/errors.ts';

export type Lang = 'zh-CN' | 'en';

/** zh-CN unless the caller prefers English (Accept-Language). */
export function requestLanguage(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (!header) return 'zh-CN';
  const preferred = new Negotiator({ headers: { 'accept-language': header } }).language(['zh-CN', 'zh', 'en']);
  return preferred === 'en' ? 'en' : 'zh-CN';
}

/** RFC 9457 problem details with Custodia's stable code, localized message and requirement ID. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = requestLanguage(request);
  return reply
    .status(error.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://custodia.local/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: error.code,
      status: error.status,
      code: error.code,
      detail: localize(error.text, lang),
      ...(error.details.requirement ? { requirement: error.details.requirement } : {}),
      ...(error.details.rule ? { rule: error.details.rule } : {}),
      ...(error.details.facts ? { facts: error.details.facts } : {}),
      ...(error.details.errors ? { errors: error.details.errors } : {}),
      instance: request.url.split('?')[0],
    });
}

/** Fastify's own errors (body parsing, size, media type) become problems too; anything else is a 500. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; statusCode?: number; validation?: unknown };
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return errors.unsupportedMediaType();
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return errors.tooLarge();
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return errors.malformedJson();
  if (e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return errors.malformedJson();
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return errors.badRequest([{ path: '', message: (error as Error).message }]);
  }
  return null;
}
