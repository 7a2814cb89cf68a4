import pino from 'pino';
import { createCore } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { readConfig } from './config.ts';
import { loadDemoData, DEMO_PASSWORD } from './demo/demo-data.ts';
import { buildHttpServer } from './http/server.ts';
import { modules } from './app.ts';
import { openDatabase } from './platform/db/open.ts';
import { version } from './version.ts';
import { schedule } from './platform/scheduler.ts';
import { systemActor } from './platform/authz/actor.ts';

const started = performance.now();
const config = readConfig();
const log = pino({ level: config.logLevel });
const db = await openDatabase(config);
const core = createCore(db, { auditChain: config.auditChain });
if (!config.adminPassword) log.warn('CUSTODIA_ADMIN_PASSWORD is not set: a new database gets the demo password for admin');
const { orgId, created, migrations } = await bootstrap(core, config.adminPassword ?? DEMO_PASSWORD);
if (created && config.demoData) await loadDemoData(core, orgId);
core.dispatcher.start();
// Expiry of licences, registrations and authorisation letters: warn ahead, lock on expiry (CN-SYS-08).
// Anchor the audit chain tips every minute, so a deleted stream tail is detected (custodia audit verify).
const stopAnchoring = schedule('audit.chain.anchor', 60_000, () => core.bus.execute('audit.chain.anchor', {}, systemActor(orgId)), (message, error) => log.error({ err: error }, message));
// Expired stock is locked every hour (CN-SYS-09); allocation and shipping also check dates at use.
const stopStockExpiry = schedule('inventory.expiry.sweep', 3_600_000, () => core.bus.execute('inventory.expiry.sweep', {}, systemActor(orgId)), (message, error) => log.error({ err: error }, message));
const stopExpirySweep = schedule('qualification.expiry.sweep', 3_600_000, () => core.bus.execute('qualification.expiry.sweep', {}, systemActor(orgId)), (message, error) => log.error({ err: error }, message));
const app = await buildHttpServer(core, modules, { version, webDist: config.webDist, logger: { level: config.logLevel } });
await app.listen({ port: config.port, host: config.host });
log.info(
  { database: db.kind, dataDir: config.databaseUrl ? undefined : config.dataDir, migrations: migrations.length, firstStart: created, startupMs: Math.round(performance.now() - started) },
  `Custodia ${version} listening on http://localhost:${config.port}`,
);

async function shutdown() {
  stopExpirySweep();
  stopAnchoring();
  stopStockExpiry();
  await app.close();
  await core.dispatcher.stop();
  await db.close();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
