import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestApi, type TestApi } from '../../testing/http.ts';
import { DEMO_PASSWORD } from '../../testing/harness.ts';
import { verifyInventory } from './ledger/verify.ts';
import { statusDisposition, stepBizStep } from './ledger/cbv.ts';
import { addDays, businessDay } from '../../platform/calendar.ts';

const schemaFile = fileURLToPath(new URL('../../../../../../shared/conformance/gs1-epcis/EPCIS-JSON-Schema.json', import.meta.url));

describe('inventory ledger', () => {
  let api: TestApi;
  let keeper: string, head: string, qa: string;
  const product: Record<string, string> = {};
  const bin: Record<string, string> = {};

  before(async () => {
    api = await createTestApi();
    [keeper, head, qa] = [await api.login('keeper'), await api.login('qahead'), await api.login('qa')];
    for (const p of (await api.call('GET', '/api/v1/master-data/products', { cookie: qa })).json().items) product[p.name] = p.id;
    for (const l of (await api.call('GET', '/api/v1/inventory/locations', { cookie: keeper })).json().items) bin[l.code] = l.id;
  });
  after(async () => {
    const report = await verifyInventory(api.core.db);
    await api.close();
    assert.equal(report.ok, true, `ledger = balance after the suite: ${JSON.stringify(report)}`);
  });

  const syringe = () => product['一次性使用无菌注射器'];
  const stent = () => product['冠状动脉药物洗脱支架系统'];
  const balance = async (query: Record<string, string>) =>
    (await api.call('GET', `/api/v1/inventory/balances?${new URLSearchParams(query)}`, { cookie: keeper })).json().items as { quantity: string; status: string; locationCode: string; serial: string; expiry: string }[];

  test('the demo opening stock is in the ledger and the balances equal it', async () => {
    const rows = await balance({ productId: syringe(), lot: '2405001' });
    assert.deepEqual(rows.map((r) => [r.locationCode, r.status, r.quantity]), [['SH-01-A-01-01', 'released', '500.000']]);
    assert.equal((await verifyInventory(api.core.db)).ok, true);
  });

  test('CN-SYS-09: expired stock was locked automatically and cannot be moved as released', async () => {
    const rows = await balance({ productId: product['医用外科口罩'], lot: 'M230901' });
    assert.deepEqual(rows.map((r) => r.status), ['expired']);
    const move = await api.call('POST', '/api/v1/inventory/transfers', {
      cookie: keeper, body: { status: 'released', toLocationId: bin['SH-01-SHP'], items: [{ productId: product['医用外科口罩'], lot: 'M230901', locationId: bin['SH-01-A-01-01'], quantity: 1 }] },
    });
    assert.equal(move.statusCode, 409);
    assert.equal(move.json().code, 'INSUFFICIENT_STOCK');
  });

  test('CN-SYS-09: a lot within the warning window is announced once; an expired lot is locked', async () => {
    const today = businessDay();
    const adjust = (lot: string, expiry: string, quantity: number) => api.call('POST', '/api/v1/inventory/adjustments', {
      cookie: head,
      body: {
        cause: '盘盈', reason: '期初库存', signature: { password: DEMO_PASSWORD, meaning: 'approved' },
        lines: [{ productId: syringe(), lot, expiry, locationId: bin['SH-01-A-01-01'], status: 'released', quantity }],
      },
    });
    for (const [lot, expiry, quantity] of [['NX2601', addDays(today, 30), 10], ['NX2601', addDays(today, 30), 5], ['FAR2601', addDays(today, 200), 10], ['EX2601', addDays(today, -1), 4]] as const) {
      const posted = await adjust(lot, expiry, quantity);
      assert.equal(posted.statusCode, 200, posted.body);
    }
    const rules = (await api.call('GET', '/api/v1/qualification/rules', { cookie: qa })).json().items as { ruleKey: string; params: Record<string, unknown>; requirementIds: string[] }[];
    assert.deepEqual(rules.filter((r) => r.ruleKey === 'stock_near_expiry').map((r) => [r.params, r.requirementIds]), [[{ days: 90 }, ['CN-SYS-09']]], 'N is a rule, 90 days by default');
    const badWindow = await api.call('POST', '/api/v1/qualification/rules', {
      cookie: head, body: { ruleKey: 'stock_near_expiry', region: '*', enabled: true, params: { days: 'ninety' }, effectiveFrom: today, reason: '调整近效期预警天数', signature: { password: DEMO_PASSWORD, meaning: 'approved' } },
    });
    assert.equal(badWindow.statusCode, 400, badWindow.body);
    assert.equal(badWindow.json().errors[0].path, 'params.days');
    const notices = async (lot: string) => (await api.core.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM platform.outbox WHERE event_type = 'inventory.stock.near_expiry' AND payload->>'lot' = $1`, [lot],
    )).rows.map((r) => r.payload);
    const first = await api.core.bus.execute('inventory.expiry.sweep', {}, api.core.system) as { locked: number; warned: number; warningDays: number };
    assert.equal(first.warningDays, 90);
    assert.ok(first.warned >= 1 && first.locked >= 1, JSON.stringify(first));
    const [announced, ...more] = await notices('NX2601');
    assert.deepEqual(more, [], 'one announcement per product + lot + expiry, however many balances');
    assert.deepEqual([announced.productId, announced.expiry, announced.daysLeft, announced.quantity], [syringe(), addDays(today, 30), 30, '15.000']);
    assert.deepEqual(await notices('FAR2601'), [], 'outside the window');
    assert.deepEqual(await notices('EX2601'), [], 'expired stock is locked, not announced');
    assert.deepEqual((await balance({ productId: syringe(), lot: 'EX2601' })).map((r) => r.status), ['expired']);
    assert.deepEqual((await balance({ productId: syringe(), lot: 'NX2601' })).map((r) => r.status), ['released'], 'a warning does not lock');
    const second = await api.core.bus.execute('inventory.expiry.sweep', {}, api.core.system) as { locked: number; warned: number };
    assert.deepEqual([second.warned, second.locked], [0, 0], 'the next sweep is silent');
    assert.equal((await notices('NX2601')).length, 1);
    const stored = await api.core.db.query(`SELECT kind, expiry::text AS expiry FROM inventory.expiry_notice WHERE lot = 'NX2601'`);
    assert.deepEqual(stored.rows, [{ kind: 'near_expiry', expiry: addDays(today, 30) }]);
    await assert.rejects(api.core.db.query(`DELETE FROM inventory.expiry_notice WHERE lot = 'NX2601'`), 'notices are insert-only');
  });

  test('CN-INV-06: stock cannot go into a bin whose storage conditions do not match the product', async () => {
    const response = await api.call('POST', '/api/v1/inventory/transfers', {
      cookie: keeper, lang: 'en',
      body: { status: 'released', toLocationId: bin['SH-01-A-01-01'], items: [{ productId: stent(), lot: 'L24A07', serial: 'ST0001', locationId: bin['SH-01-A-02-01'], quantity: 1 }] },
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().requirement, 'CN-INV-06');
    assert.match(response.json().detail, /storage conditions/);
    assert.equal((await balance({ productId: stent(), serial: 'ST0001' }))[0].locationCode, 'SH-01-A-02-01', 'nothing moved');
  });

  test('CN-INV-01: a bin holds only the quality statuses it is for', async () => {
    const response = await api.call('POST', '/api/v1/inventory/transfers', {
      cookie: keeper, body: { status: 'released', toLocationId: bin['SH-01-QRT'], items: [{ productId: syringe(), lot: '2405001', locationId: bin['SH-01-A-01-01'], quantity: 1 }] },
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().requirement, 'CN-INV-01');
  });

  test('CN-INV-04: quality doubt puts stock on hold and notifies QA; only a signed QA decision releases it', async () => {
    const items = [{ productId: syringe(), lot: '2406002', locationId: bin['SH-01-A-01-01'], quantity: 20 }];
    const held = await api.call('POST', '/api/v1/inventory/holds', { cookie: keeper, body: { items, reason: '外包装破损疑似污染' } });
    assert.equal(held.statusCode, 200, held.body);
    assert.deepEqual((await balance({ productId: syringe(), lot: '2406002' })).map((r) => [r.status, r.quantity]).sort(), [['hold', '20.000'], ['released', '100.000']]);
    const notice = await api.core.db.query(`SELECT 1 FROM platform.outbox WHERE event_type = 'inventory.stock.held'`);
    assert.equal(notice.rowCount, 1);
    const byKeeper = await api.call('POST', '/api/v1/inventory/holds/release', { cookie: keeper, body: { items, reason: 'x', signature: { password: DEMO_PASSWORD, meaning: 'released' } } });
    assert.equal(byKeeper.statusCode, 403);
    const released = await api.call('POST', '/api/v1/inventory/holds/release', { cookie: head, body: { items, reason: '复检合格', signature: { password: DEMO_PASSWORD, meaning: 'released' } } });
    assert.equal(released.statusCode, 200, released.body);
    assert.deepEqual((await balance({ productId: syringe(), lot: '2406002' })).map((r) => [r.status, r.quantity]), [['released', '120.000']]);
  });

  test('stock is never negative, also when concurrent transfers race for the same lot', async () => {
    const transfer = () => api.call('POST', '/api/v1/inventory/transfers', {
      cookie: keeper, body: { status: 'released', toLocationId: bin['SH-01-SHP'], items: [{ productId: syringe(), lot: '2405001', locationId: bin['SH-01-A-01-01'], quantity: 300 }] },
    });
    const outcomes = await Promise.all([transfer(), transfer(), transfer()]);
    assert.deepEqual(outcomes.map((o) => o.statusCode).sort(), [200, 409, 409]);
    assert.ok(outcomes.filter((o) => o.statusCode === 409).every((o) => o.json().code === 'INSUFFICIENT_STOCK'));
    const rows = await balance({ productId: syringe(), lot: '2405001' });
    assert.deepEqual(rows.map((r) => [r.locationCode, r.quantity]).sort(), [['SH-01-A-01-01', '200.000'], ['SH-01-SHP', '300.000']]);
  });

  test('CN-SYS-10: a serial is never in two places, also under concurrent postings', async () => {
    const post = (code: string) => api.call('POST', '/api/v1/inventory/adjustments', {
      cookie: head,
      body: {
        cause: '盘盈', reason: '盘点', signature: { password: DEMO_PASSWORD, meaning: 'approved' },
        lines: [{ productId: stent(), lot: 'L24A07', serial: 'ST9999', expiry: '2030-01-01', locationId: bin[code], status: 'released', quantity: 1 }],
      },
    });
    const outcomes = await Promise.all([post('SH-01-A-02-01'), post('SH-01-A-02-01'), post('SH-01-A-02-01')]);
    assert.deepEqual(outcomes.map((o) => o.statusCode).sort(), [200, 409, 409], outcomes.map((o) => o.body).join('\n'));
    assert.ok(outcomes.filter((o) => o.statusCode === 409).every((o) => ['SERIAL_IN_TWO_PLACES', 'SERIAL_MORE_THAN_ONE'].includes(o.json().code)));
    const rows = await balance({ productId: stent(), serial: 'ST9999' });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].quantity, '1.000');
  });

  test('the stock card shows the full history of a serial with step, document and actor', async () => {
    const card = (await api.call('GET', `/api/v1/inventory/stock-card?productId=${stent()}&serial=ST0002`, { cookie: keeper })).json().items;
    assert.equal(card.length, 1);
    assert.equal(card[0].bizStep, 'cycle_counting');
    assert.equal(card[0].actorName, '王质量');
    assert.equal(card[0].expiry.length, 10);
  });

  test('the ledger is insert-only, and verify names an altered movement and the drifted balance', async () => {
    await assert.rejects(api.core.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('app.command_id', 'cmd_x', true)`);
      await tx.query('UPDATE inventory.movement SET quantity = quantity + 1');
    }), /insert-only/);
    await api.core.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE inventory.movement DISABLE TRIGGER USER');
      await tx.query(`UPDATE inventory.movement SET quantity = quantity + 1 WHERE id = (SELECT min(id) FROM inventory.movement)`);
      await tx.query('ALTER TABLE inventory.movement ENABLE TRIGGER USER');
    });
    const report = await verifyInventory(api.core.db);
    assert.equal(report.ok, false);
    assert.equal(report.alteredEvents.length, 1);
    assert.match(report.alteredEvents[0].what, /altered/);
    assert.equal(report.differences.length, 1);
    // Put it back so the suite's closing check sees an intact ledger.
    await api.core.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE inventory.movement DISABLE TRIGGER USER');
      await tx.query(`UPDATE inventory.movement SET quantity = quantity - 1 WHERE id = (SELECT min(id) FROM inventory.movement)`);
      await tx.query('ALTER TABLE inventory.movement ENABLE TRIGGER USER');
    });
  });

  test('EPCIS-04: every bizStep and disposition Custodia uses is CBV 2.0 vocabulary of the EPCIS schema', (t) => {
    if (!existsSync(schemaFile)) return t.skip('shared/conformance is not beside this checkout');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')).definitions;
    const enumOf = (name: string) => new Set<string>(schema[name].anyOf.find((a: { enum?: string[] }) => a.enum).enum);
    const bizSteps = enumOf('bizStep');
    const dispositions = enumOf('disposition');
    assert.equal(bizSteps.size, 41);
    assert.equal(dispositions.size, 33);
    for (const [step, mapping] of Object.entries(stepBizStep)) {
      assert.ok(bizSteps.has(mapping.bizStep), `${step} → ${mapping.bizStep}`);
      if ('disposition' in mapping) assert.ok(dispositions.has(mapping.disposition), `${step} → ${mapping.disposition}`);
    }
    for (const [status, disposition] of Object.entries(statusDisposition)) assert.ok(dispositions.has(disposition), `${status} → ${disposition}`);
    assert.equal(stepBizStep.ship.disposition, 'in_transit');
    assert.equal(stepBizStep.receive_return.disposition, 'returned');
    assert.equal(stepBizStep.destroy.disposition, 'destroyed');
    assert.equal(stepBizStep.hold.bizStep, 'holding');
  });
});
