import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  /** Off only to measure what the hash chain costs (bench). */
  auditChain: boolean;
  logLevel: string;
  demoData: boolean;
  webDist: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.CUSTODIA_ADMIN_PASSWORD || undefined,
    auditChain: env.CUSTODIA_AUDIT_CHAIN !== 'off',
    logLevel: env.LOG_LEVEL ?? 'info',
    demoData: env.CUSTODIA_DEMO_DATA !== 'off',
    webDist: resolve(env.CUSTODIA_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
  };
}
