import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createTestCore, type TestCore } from '../../testing/harness.ts';
import { sampleProduct } from '../../testing/http.ts';
import { computeBackoff, signWebhook } from './dispatcher.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real local HTTP receiver whose answer the test controls. */
async function startReceiver(answer: (count: number) => number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answer(received.length);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('webhooks', () => {
  let core: TestCore;
  before(async () => {
    core = await createTestCore();
    core.dispatcher.start();
  });
  after(() => core.close());

  test('backoff doubles up to the cap', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => computeBackoff(n, { baseDelayMs: 100, maxDelayMs: 500 })), [100, 200, 400, 500]);
  });

  test('an event is delivered with an HMAC-SHA256 signature and a stable delivery id', async () => {
    const receiver = await startReceiver(() => 204);
    const admin = await core.actor('admin');
    const hook = await core.bus.execute<{ id: string; secret: string }>('integration.webhook.create', { url: receiver.url, events: ['master_data.product.*'] }, admin);
    const qa = await core.actor('qa');
    const { id } = await core.bus.execute<{ id: string }>('master_data.product.create', { ...sampleProduct, udiDi: null, name: 'Webhook' }, qa);
    await until(async () => receiver.received.length >= 1, 'delivery');
    const [delivery] = receiver.received;
    const body = JSON.parse(delivery.body);
    assert.equal(body.type, 'master_data.product.created');
    assert.equal(body.data.id, id);
    const signature = String(delivery.headers['custodia-signature']);
    const timestamp = Number(/t=(\d+)/.exec(signature)![1]);
    assert.equal(signature, signWebhook(hook.secret, timestamp, delivery.body));
    assert.equal(delivery.headers['custodia-delivery'], body.deliveryId);
    await until(async () => (await core.db.query(`SELECT 1 FROM platform.webhook_delivery WHERE id = $1 AND status = 'delivered'`, [body.deliveryId])).rowCount === 1, 'delivered status');
    await core.bus.execute('integration.webhook.deactivate', { id: hook.id }, admin, { reason: 'test done' });
    await receiver.close();
  });

  test('a failing receiver is retried with the same delivery id until it recovers', async () => {
    const receiver = await startReceiver((count) => (count <= 2 ? 503 : 200));
    const admin = await core.actor('admin');
    const hook = await core.bus.execute<{ id: string }>('integration.webhook.create', { url: receiver.url, events: ['master_data.party.created'] }, admin);
    const qa = await core.actor('qa');
    await core.bus.execute('master_data.party.create', {
      name: '重试测试供应商', kinds: ['supplier'], creditCode: '91110000100000000A', address: '北京',
    }, qa);
    await until(async () => receiver.received.length >= 3, 'three attempts');
    const ids = new Set(receiver.received.map((r) => r.headers['custodia-delivery']));
    assert.equal(ids.size, 1, 'same delivery id on every attempt');
    const row = (await core.db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM platform.webhook_delivery WHERE endpoint_id = $1`, [hook.id])).rows[0];
    await until(async () => (await core.db.query(`SELECT 1 FROM platform.webhook_delivery WHERE endpoint_id = $1 AND status = 'delivered'`, [hook.id])).rowCount === 1, 'delivered');
    assert.ok(row.attempts >= 2);
    await core.bus.execute('integration.webhook.deactivate', { id: hook.id }, admin, { reason: 'test done' });
    await receiver.close();
  });

  test('a receiver that keeps failing is dead-lettered; an admin retry delivers it after recovery', async () => {
    let healthy = false;
    const receiver = await startReceiver(() => (healthy ? 200 : 500));
    const admin = await core.actor('admin');
    const hook = await core.bus.execute<{ id: string }>('integration.webhook.create', { url: receiver.url, events: ['master_data.product.submitted'] }, admin);
    const qa = await core.actor('qa');
    const { id } = await core.bus.execute<{ id: string }>('master_data.product.create', { ...sampleProduct, udiDi: null, name: '死信' }, qa);
    await core.bus.execute('master_data.product.submit', { id }, qa);
    await until(async () => (await core.db.query(`SELECT 1 FROM platform.webhook_delivery WHERE endpoint_id = $1 AND status = 'dead'`, [hook.id])).rowCount === 1, 'dead letter');
    const dead = await core.bus.query<{ items: { id: string; status: string; attempts: number; lastError: string }[] }>('integration.webhook_delivery.list', { status: 'dead' }, admin);
    const letter = dead.items.find((d) => d.lastError === 'HTTP 500')!;
    assert.equal(letter.attempts, 3);
    healthy = true;
    await core.bus.execute('integration.webhook_delivery.retry', { id: letter.id }, admin, { reason: '接收端已恢复' });
    await until(async () => (await core.db.query(`SELECT 1 FROM platform.webhook_delivery WHERE id = $1 AND status = 'delivered'`, [letter.id])).rowCount === 1, 'redelivery');
    await receiver.close();
  });
});
