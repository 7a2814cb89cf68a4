import { describe, expect, it } from 'vitest';
import { ApiError, errorPathToNamePath, mapFieldErrors, parseProblem, summarizeProblem, toProblem, type ProblemMessageKey } from './problem.ts';
import { buildUrl } from './client.ts';

const t = (key: ProblemMessageKey, opts?: { status: number }) => (opts ? `${key}:${opts.status}` : key);

describe('parseProblem', () => {
  it('reads an application/problem+json body', () => {
    const p = parseProblem(
      {
        type: 'https://custodia.dev/problems/validation',
        title: 'Validation failed',
        status: 422,
        code: 'VALIDATION',
        detail: 'UDI-DI 必须是 14 位数字',
        requirement: 'GB/T 42061',
        rule: 'udi.gtin14',
        errors: [{ path: 'udiDi', message: '必须是 14 位数字' }, 'junk'],
      },
      422,
    );
    expect(p).toEqual({
      type: 'https://custodia.dev/problems/validation',
      title: 'Validation failed',
      status: 422,
      code: 'VALIDATION',
      detail: 'UDI-DI 必须是 14 位数字',
      requirement: 'GB/T 42061',
      rule: 'udi.gtin14',
      errors: [{ path: 'udiDi', message: '必须是 14 位数字' }],
    });
  });

  it('survives non-JSON and empty bodies', () => {
    expect(parseProblem('<html>', 502, 'Bad Gateway')).toEqual({ status: 502, title: 'Bad Gateway', code: undefined });
    expect(parseProblem(undefined, 0)).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('summarizeProblem (problem → message)', () => {
  it('shows the server-localized detail with code and requirement', () => {
    const s = summarizeProblem({ status: 423, code: 'AUTH_LOCKED', detail: '账号已锁定，请 15 分钟后再试', requirement: '21 CFR 11.300(d)' }, t);
    expect(s).toEqual({ message: '账号已锁定，请 15 分钟后再试', code: 'AUTH_LOCKED', requirement: '21 CFR 11.300(d)', rule: undefined, status: 423 });
  });

  it('falls back to the title, then to a client message by status', () => {
    expect(summarizeProblem({ status: 409, title: 'Conflict' }, t).message).toBe('Conflict');
    expect(summarizeProblem({ status: 0, code: 'NETWORK_ERROR' }, t).message).toBe('errors.network');
    expect(summarizeProblem({ status: 403 }, t).message).toBe('errors.forbidden');
    expect(summarizeProblem({ status: 404 }, t).message).toBe('errors.notFound');
    expect(summarizeProblem({ status: 503 }, t).message).toBe('errors.server:503');
    expect(summarizeProblem({ status: 418 }, t).message).toBe('errors.unknown:418');
  });

  it('converts thrown values', () => {
    const err = new ApiError({ status: 401, code: 'AUTH_INVALID', detail: '用户名或密码错误' });
    expect(err.message).toBe('用户名或密码错误');
    expect(toProblem(err)).toBe(err.problem);
    expect(toProblem(new Error('boom'))).toMatchObject({ status: 0, code: 'UNKNOWN_ERROR', detail: 'boom' });
  });
});

describe('field error mapping', () => {
  it('normalizes paths', () => {
    expect(errorPathToNamePath('udiDi')).toEqual(['udiDi']);
    expect(errorPathToNamePath('/udiDi')).toEqual(['udiDi']);
    expect(errorPathToNamePath('signature.password')).toEqual(['signature', 'password']);
    expect(errorPathToNamePath('lines[2].qty')).toEqual(['lines', 2, 'qty']);
    expect(errorPathToNamePath('/lines/2/qty')).toEqual(['lines', 2, 'qty']);
    expect(errorPathToNamePath(['kinds', 0])).toEqual(['kinds', 0]);
  });

  it('puts known paths on fields and keeps the rest', () => {
    const m = mapFieldErrors(
      {
        status: 422,
        errors: [
          { path: 'udiDi', message: 'a' },
          { path: '/udiDi', message: 'b' },
          { path: 'kinds/1', message: 'c' },
          { path: 'tenant', message: 'd' },
        ],
      },
      ['udiDi', 'kinds'],
    );
    expect(m.fields).toEqual([
      { name: ['udiDi'], errors: ['a', 'b'] },
      { name: ['kinds', 1], errors: ['c'] },
    ]);
    expect(m.other).toEqual([{ path: 'tenant', message: 'd' }]);
  });
});

describe('buildUrl', () => {
  it('prefixes /api/v1 and drops empty query values', () => {
    expect(buildUrl('/master-data/products', { q: '注射器', status: '', limit: 20, offset: 0, x: undefined })).toBe(
      '/api/v1/master-data/products?q=%E6%B3%A8%E5%B0%84%E5%99%A8&limit=20&offset=0',
    );
    expect(buildUrl('auth/me')).toBe('/api/v1/auth/me');
  });
});
