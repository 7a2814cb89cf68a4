import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { modules } from '../app.ts';
import { buildHttpServer } from '../http/server.ts';
import { version } from '../version.ts';
import { createTestCore, DEMO_PASSWORD, type TestCore } from './harness.ts';

export interface TestApi {
  core: TestCore;
  app: FastifyInstance;
  /** Signs in through the real endpoint and returns the session cookie. */
  login(username: string, password?: string): Promise<string>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options?: { cookie?: string; body?: unknown; lang?: string; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** Number of command-log entries: proves that a refused request wrote nothing (except a denial record). */
  commandCount(): Promise<number>;
  close(): Promise<void>;
}

export async function createTestApi(): Promise<TestApi> {
  const core = await createTestCore();
  const app = await buildHttpServer(core, modules, { version });
  const api: TestApi = {
    core,
    app,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'custodia_session');
      return `custodia_session=${cookie!.value}`;
    },
    call(method, url, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.cookie) headers.cookie = options.cookie;
      if (options.lang) headers['accept-language'] = options.lang;
      if (options.body !== undefined && typeof options.body !== 'string') headers['content-type'] = 'application/json';
      return app.inject({
        method,
        url,
        headers,
        payload: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      });
    },
    async commandCount() {
      return (await core.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.command_log')).rows[0].n;
    },
    async close() {
      await app.close();
      await core.close();
    },
  };
  return api;
}

export const sampleProduct = {
  name: '一次性使用静脉输液针',
  model: '0.7×25mm',
  registrant: '山东威高集团医用高分子制品股份有限公司',
  registrationNo: '国械注准20163150999',
  registrationValidTo: '2030-05-01',
  deviceClass: 'III',
  categoryCode: '14-02-01',
  udiDi: '06901234567809',
  tracking: 'lot',
  storageTempMin: 5,
  storageTempMax: 30,
  shelfLifeDays: 1095,
  implantable: false,
};
