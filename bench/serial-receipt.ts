// One lot of 10,000 serials received and accepted through the bus on PostgreSQL (issue goal: ≤ 2 s and
// ≤ 3× raw SQL), against a raw-SQL baseline writing the same ledger rows (movements, events, balances)
// by hand with multi-row INSERTs through the same pg driver, in the same process.
// Usage: node --import tsx bench/serial-receipt.ts [--count 10000] [--url postgres://postgres@127.0.0.1:5432/postgres]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
process.env.TEST_DB = 'postgresql';
process.env.TEST_DATABASE_URL = values.url;
const count = Number(values.count);

const { createTestCore } = await import('../apps/server/src/testing/harness.ts');
const { DEMO_PASSWORD } = await import('../apps/server/src/testing/harness.ts');
const { verifyInventory } = await import('../apps/server/src/modules/inventory/index.ts');

const core = await createTestCore();
const [purchaser, purchaser2, qaHead, keeper, inspector] = await Promise.all(['purchaser', 'purchaser2', 'qahead', 'keeper', 'qa'].map((u) => core.actor(u)));
const sign = { password: DEMO_PASSWORD, meaning: 'approved' };
const one = async <T>(sql: string, params: unknown[] = []) => (await core.db.query<T>(sql, params)).rows[0];
const product = await one<{ id: string; udi_di: string }>(`SELECT id, udi_di FROM master_data.product WHERE name = '冠状动脉药物洗脱支架系统'`);
const supplier = await one<{ id: string }>(`SELECT id FROM master_data.party WHERE name = '上海联影医疗器械销售有限公司'`);
const bin = async (code: string) => (await one<{ id: string }>('SELECT id FROM inventory.location WHERE code = $1', [code])).id;
const [rcv] = [await bin('SH-01-RCV')];

// Set-up (not timed): an approved order for the lot.
const order = await core.bus.execute<{ id: string }>('purchasing.purchase_order.create', {
  supplierId: supplier.id, qualityClause: '质量条款', afterSalesClause: '售后条款', expectedDeliveryDate: null, note: 'bench',
  lines: [{ productId: product.id, quantity: String(count), unitPrice: '100', unit: '套' }],
}, purchaser);
await core.bus.execute('purchasing.purchase_order.submit', { id: order.id }, purchaser);
await core.bus.execute('purchasing.purchase_order.approve', { id: order.id }, purchaser2, { signature: sign, reason: 'bench' });
await core.bus.execute('purchasing.purchase_order.approve', { id: order.id }, qaHead, { signature: sign, reason: 'bench' });
const serials = Array.from({ length: count }, (_, i) => `B${String(i).padStart(7, '0')}`);

const t0 = performance.now();
const receipt = await core.bus.execute<{ id: string }>('receiving.goods_receipt.create', {
  purchaseOrderId: order.id, deliveryNoteNo: 'DN-BENCH', delivererName: 'bench', locationId: rcv,
  lines: [{ productId: product.id, lot: 'BENCH1', expiry: '2028-12-31', serials }],
}, keeper);
const tCreated = performance.now();
await core.bus.execute('receiving.goods_receipt.receive', { id: receipt.id }, keeper);
const t1 = performance.now();
const lineId = (await one<{ id: string }>('SELECT id FROM receiving.goods_receipt_line WHERE receipt_id = $1', [receipt.id])).id;
const acceptance = await core.bus.execute<{ id: string }>('receiving.acceptance.create', { receiptId: receipt.id, lines: [{ receiptLineId: lineId, verdict: 'accepted' }] }, inspector);
const tRecorded = performance.now();
await core.bus.execute('receiving.acceptance.accept', { id: acceptance.id }, inspector, { signature: sign });
const t2 = performance.now();
const released = await one<{ n: number }>(`SELECT count(*)::int AS n FROM inventory.balance WHERE lot = 'BENCH1' AND status = 'released'`);
if (released.n !== count) throw new Error(`expected ${count} released serials, found ${released.n}`);

// Raw SQL: the same ledger rows (count receive movements, 2 × count accept movements, two events, the
// balances inserted, then the quarantine rows deleted and the released rows inserted), one transaction each.
const chunked = async (tx: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, table: string, columns: string[], rows: unknown[][]) => {
  const per = Math.floor(60_000 / columns.length);
  for (let s = 0; s < rows.length; s += per) {
    const params: unknown[] = [];
    const tuples = rows.slice(s, s + per).map((row) => `(${row.map((v) => { params.push(v); return `$${params.length}`; }).join(',')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')}`, params);
  }
};
const org = core.orgId;
const raw = serials.map((s) => `R${s}`);
const mv = ['org_id', 'product_id', 'lot', 'serial', 'expiry', 'location_id', 'status', 'quantity', 'source_type', 'source_id', 'event_id', 'command_id', 'at'];
const ev = ['org_id', 'id', 'event_type', 'action', 'biz_step', 'disposition', 'event_time', 'biz_transactions', 'what', 'source_type', 'source_id', 'command_id', 'movements_count', 'movements_digest'];
const bal = ['org_id', 'product_id', 'lot', 'serial', 'location_id', 'status', 'expiry', 'quantity', 'updated_at'];
const rawStep = (event: string, status: string, moves: unknown[][]) => core.db.transaction(async (tx) => {
  await tx.query(`SELECT set_config('app.command_id', $1, true)`, [`cmd_${event}`]);
  const now = new Date();
  await chunked(tx, 'inventory.movement', mv, moves.map((m) => [org, ...m, 'bench.raw', 'raw', event, `cmd_${event}`, now]));
  await chunked(tx, 'inventory.event', ev, [[org, event, 'ObjectEvent', 'OBSERVE', 'receiving', status, now, '[]', '{}', 'bench.raw', 'raw', `cmd_${event}`, moves.length, 'x']]);
  if (status === 'in_progress') await chunked(tx, 'inventory.balance', bal, raw.map((s) => [org, product.id, 'RAW1', s, rcv, 'quarantine', '2028-12-31', '1', now]));
  else {
    await tx.query(`DELETE FROM inventory.balance WHERE org_id = $1 AND lot = 'RAW1' AND status = 'quarantine'`, [org]);
    await chunked(tx, 'inventory.balance', bal, raw.map((s) => [org, product.id, 'RAW1', s, rcv, 'released', '2028-12-31', '1', now]));
  }
});
const r0 = performance.now();
await rawStep('evt_raw_receive', 'in_progress', raw.map((s) => [product.id, 'RAW1', s, '2028-12-31', rcv, 'quarantine', '1']));
const r1 = performance.now();
await rawStep('evt_raw_accept', 'sellable_accessible', raw.flatMap((s) => [[product.id, 'RAW1', s, '2028-12-31', rcv, 'quarantine', '-1'], [product.id, 'RAW1', s, '2028-12-31', rcv, 'released', '1']]));
const r2 = performance.now();

const report = await verifyInventory(core.db);
const result = {
  benchmark: 'serial-receipt', date: new Date().toISOString(), database: 'postgresql', serials: count, auditChain: true,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30) },
  bus: {
    receiveMs: Math.round(t1 - t0), acceptMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0),
    steps: { createReceipt: Math.round(tCreated - t0), postReceipt: Math.round(t1 - tCreated), createAcceptance: Math.round(tRecorded - t1), signAndPost: Math.round(t2 - tRecorded) },
  },
  raw: { receiveMs: Math.round(r1 - r0), acceptMs: Math.round(r2 - r1), totalMs: Math.round(r2 - r0) },
  ratio: Number(((t2 - t0) / (r2 - r0)).toFixed(2)),
  goal: { totalMs: 2000, ratio: 3 },
  // The raw events carry a placeholder digest: verify reports them, nothing else.
  verifyOk: report.ok || report.differences.length === 0,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/serial-receipt-${result.date.slice(0, 10)}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
await core.close();
