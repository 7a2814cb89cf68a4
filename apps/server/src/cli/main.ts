import { readConfig } from '../config.ts';
import { createCore } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import { loadDemoData, DEMO_PASSWORD } from '../demo/demo-data.ts';
import { openDatabase } from '../platform/db/open.ts';
import { migrate } from '../platform/db/migrate.ts';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { generateDocs } from './generate.ts';
import { verifyInventory } from '../modules/inventory/index.ts';

const usage = `custodia — Custodia command line

  custodia migrate            apply database migrations (DATA_DIR or DATABASE_URL)
  custodia demo               bootstrap and load demo data into an empty database
  custodia audit verify       walk the hash-chained audit trail; exit 1 and name the first broken entry
  custodia inventory verify   recompute every balance and event digest from the ledger; exit 1 on a difference
  custodia gs1 parse <data>   parse a GS1 / UDI barcode (or '-' for one per line from stdin)
  custodia gs1 label <data> --format png|svg [--out file]
  custodia gen                regenerate docs/openapi.json, docs/permissions.md and docs/compliance-matrix.md
`;

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(readConfig());
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function main(args: string[]): Promise<number> {
  const [command, sub, ...rest] = args;
  switch (command) {
    case 'migrate':
      return withDatabase(async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
        return 0;
      });
    case 'demo':
      return withDatabase(async (db) => {
        const core = createCore(db);
        const config = readConfig();
        const { orgId, created } = await bootstrap(core, config.adminPassword ?? DEMO_PASSWORD);
        if (!created) {
          console.error('the database already holds a legal entity; demo data is loaded only into a new database');
          return 1;
        }
        await loadDemoData(core, orgId);
        console.log(`demo data loaded for ${orgId}`);
        return 0;
      });
    case 'audit':
      if (sub !== 'verify') break;
      return withDatabase(async (db) => {
        const report = await verifyAuditTrail(db);
        if (report.ok) {
          console.log(`audit trail intact: ${report.commands} commands, ${report.rowChanges} row changes, ${report.streams} streams`);
          return 0;
        }
        const p = report.firstProblem!;
        console.error(`audit trail BROKEN at ${p.table} ${p.id}: ${p.what} (checked ${report.commands} commands before it)`);
        return 1;
      });
    case 'inventory':
      if (sub !== 'verify') break;
      return withDatabase(async (db) => {
        const report = await verifyInventory(db);
        if (report.ok) {
          console.log(`inventory intact: ${report.movements} movements in ${report.events} events, ${report.balances} balances equal the ledger`);
          return 0;
        }
        for (const d of report.differences) console.error(`balance differs: ${d.productId} lot ${d.lot || '-'} serial ${d.serial || '-'} at ${d.locationId} (${d.status}): ledger ${d.ledger}, balance ${d.balance}`);
        for (const e of report.alteredEvents) console.error(`ledger altered: event ${e.eventId}: ${e.what}`);
        return 1;
      });
    case 'gs1': {
      const { runGs1Cli } = await import('@custodia/gs1/cli');
      return runGs1Cli([sub, ...rest].filter((a) => a !== undefined), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    }
    case 'gen':
      await generateDocs();
      return 0;
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return 0;
  }
  console.error(usage);
  return 2;
}
