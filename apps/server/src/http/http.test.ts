import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApi, sampleProduct, type TestApi } from '../testing/http.ts';

function assertProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  assert.equal(response.statusCode, status, JSON.stringify(response.json()));
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const body = response.json();
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  assert.equal(typeof body.detail, 'string');
  return body;
}

describe('HTTP API', () => {
  let api: TestApi;
  let qa: string;
  let head: string;
  let purchaser: string;
  before(async () => {
    api = await createTestApi();
    [qa, head, purchaser] = [await api.login('qa'), await api.login('qahead'), await api.login('purchaser')];
  });
  after(() => api.close());

  test('health names the database', async () => {
    const response = await api.call('GET', '/api/v1/health');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(Object.keys(response.json()).sort(), ['database', 'status', 'version']);
    assert.equal(response.json().status, 'ok');
    assert.match(response.json().database, /^(pglite|postgresql)$/);
  });

  test('the session cookie is httpOnly and SameSite=Strict', async () => {
    const response = await api.call('POST', '/api/v1/auth/login', { body: { username: 'qa', password: 'Custodia#2026' } });
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const me = await api.call('GET', '/api/v1/auth/me', { cookie: `custodia_session=${response.cookies[0].value}` });
    assert.equal(me.json().user.username, 'qa');
    assert.ok(me.json().user.permissions.includes('master_data.product.create'));
  });

  test('a full product flow over HTTP: create, submit, approve with signature, history', async () => {
    const created = await api.call('POST', '/api/v1/master-data/products', { cookie: qa, body: { ...sampleProduct, udiDi: null, name: 'HTTP 流程', reason: '首营' } });
    assert.equal(created.statusCode, 201, created.body);
    const product = created.json();
    assert.equal(product.status, 'draft');
    assert.deepEqual(product.allowedActions, ['update', 'submit']);
    const submitted = await api.call('POST', `/api/v1/master-data/products/${product.id}/submit`, { cookie: qa });
    assert.equal(submitted.json().status, 'submitted');
    const approved = await api.call('POST', `/api/v1/master-data/products/${product.id}/approve`, {
      cookie: head, body: { signature: { password: 'Custodia#2026', meaning: 'approved' }, reason: '同意' },
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.equal(approved.json().signatures[0].signerName, '王质量');
    const history = await api.call('GET', `/api/v1/audit/history?table=master_data.product&id=${product.id}`, { cookie: qa });
    assert.equal(history.statusCode, 200);
    assert.equal(history.json().chain.status, 'intact');
    assert.deepEqual(history.json().entries.map((e: { command: string }) => e.command), [
      'master_data.product.create', 'master_data.product.submit', 'master_data.product.approve',
    ]);
  });

  test('bad input answers 4xx problem+json in the caller’s language and writes nothing', async () => {
    const before = await api.commandCount();
    const cases: [string, Parameters<TestApi['call']>[2] & {}, string, number, string][] = [
      ['malformed JSON', { cookie: qa, body: '{"name":', headers: { 'content-type': 'application/json' } }, '/api/v1/master-data/products', 400, 'MALFORMED_JSON'],
      ['unknown field', { cookie: qa, body: { ...sampleProduct, udiDi: null, colour: 'red' } }, '/api/v1/master-data/products', 400, 'VALIDATION_FAILED'],
      ['wrong type', { cookie: qa, body: { ...sampleProduct, udiDi: null, shelfLifeDays: 'long' } }, '/api/v1/master-data/products', 400, 'VALIDATION_FAILED'],
      ['missing field', { cookie: qa, body: { name: 'x' } }, '/api/v1/master-data/products', 400, 'VALIDATION_FAILED'],
      ['array body', { cookie: qa, body: [1, 2] }, '/api/v1/master-data/products', 400, 'VALIDATION_FAILED'],
      ['wrong media type', { cookie: qa, body: 'name=x', headers: { 'content-type': 'text/plain' } }, '/api/v1/master-data/products', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['no session', { body: sampleProduct }, '/api/v1/master-data/products', 401, 'UNAUTHENTICATED'],
      ['bad session', { cookie: 'custodia_session=forged', body: sampleProduct }, '/api/v1/master-data/products', 401, 'UNAUTHENTICATED'],
      ['bad signature shape', { cookie: head, body: { signature: { password: 1 } } }, '/api/v1/master-data/products/prd_none/approve', 400, 'VALIDATION_FAILED'],
      ['unknown record', { cookie: qa }, '/api/v1/master-data/products/prd_none/submit', 404, 'NOT_FOUND'],
      ['unknown route', { cookie: qa }, '/api/v1/nothing-here', 404, 'NOT_FOUND'],
    ];
    for (const [label, options, url, status, code] of cases) {
      const response = await api.call('POST', url, { lang: 'en', ...options });
      const body = assertProblem(response, status, code);
      assert.match(body.detail, /^[\x20-\x7e]+$/, `${label}: English detail expected, got ${body.detail}`);
    }
    assert.equal(await api.commandCount(), before, 'nothing was written');
    const zh = assertProblem(await api.call('POST', '/api/v1/master-data/products', { body: { name: 'x' } }), 401, 'UNAUTHENTICATED');
    assert.equal(zh.detail, '请先登录');
  });

  test('CN-SYS-02: a forbidden request answers 403 with the requirement ID and leaves an audit entry', async () => {
    const before = await api.commandCount();
    const response = await api.call('POST', '/api/v1/master-data/products', { cookie: purchaser, body: { ...sampleProduct, udiDi: null } });
    const body = assertProblem(response, 403, 'FORBIDDEN');
    assert.equal(body.requirement, 'CN-SYS-02');
    assert.equal(await api.commandCount(), before + 1);
    const last = (await api.core.db.query<{ command: string }>('SELECT command FROM audit.command_log ORDER BY at DESC, id DESC LIMIT 1')).rows[0];
    assert.equal(last.command, 'audit.access.denied');
    const read = await api.call('GET', '/api/v1/identity/users', { cookie: purchaser });
    assertProblem(read, 403, 'FORBIDDEN');
  });

  test('409 for a lifecycle conflict; query strings are validated too', async () => {
    const created = (await api.call('POST', '/api/v1/master-data/products', { cookie: qa, body: { ...sampleProduct, udiDi: null, name: '冲突' } })).json();
    await api.call('POST', `/api/v1/master-data/products/${created.id}/submit`, { cookie: qa });
    assertProblem(await api.call('POST', `/api/v1/master-data/products/${created.id}/submit`, { cookie: qa }), 409, 'LIFECYCLE_CONFLICT');
    assertProblem(await api.call('PATCH', `/api/v1/master-data/products/${created.id}`, { cookie: qa, body: { model: 'x' } }), 409, 'RECORD_IMMUTABLE');
    assertProblem(await api.call('GET', '/api/v1/master-data/products?limit=abc', { cookie: qa }), 400, 'VALIDATION_FAILED');
    assertProblem(await api.call('GET', '/api/v1/master-data/products?bogus=1', { cookie: qa }), 400, 'VALIDATION_FAILED');
    const list = await api.call('GET', '/api/v1/master-data/products?q=%E5%86%B2%E7%AA%81&limit=5', { cookie: qa });
    assert.equal(list.json().total, 1);
  });

  test('a duplicate unique value answers 409 DUPLICATE, not 500', async () => {
    const body = { ...sampleProduct, name: '重复 UDI', udiDi: '06901234567892' };
    assertProblem(await api.call('POST', '/api/v1/master-data/products', { cookie: qa, body }), 409, 'DUPLICATE');
  });

  test('the OpenAPI document is served and lists every route', async () => {
    const response = await api.call('GET', '/api/v1/openapi.json', { cookie: qa });
    assert.equal(response.json().openapi, '3.1.0');
    assert.ok(response.json().paths['/api/v1/master-data/products/{id}/approve'].post.requestBody);
    const docs = await api.call('GET', '/api/v1/docs');
    assert.match(docs.body, /Custodia API 文档/);
  });
});

describe('approval inbox', () => {
  let api: TestApi;
  before(async () => {
    api = await createTestApi();
  });
  after(() => api.close());

  test('the QA head sees the submitted demo product waiting for approval; the author does not see own records', async () => {
    const head = await api.login('qahead');
    const inbox = await api.call('GET', '/api/v1/approvals/inbox', { cookie: head });
    assert.equal(inbox.statusCode, 200, inbox.body);
    const items = inbox.json().items as { document: string; status: string; progress: { rule: string; given: number; required: number }[] }[];
    assert.equal(items.length, 1);
    assert.equal(items[0].document, 'master_data.product');
    assert.deepEqual(items[0].progress, [{ rule: 'product-first-approval', given: 0, required: 1 }]);
    const qa = await api.login('qa');
    assert.deepEqual((await api.call('GET', '/api/v1/approvals/inbox', { cookie: qa })).json().items, []);
    const sales = await api.login('sales');
    assert.equal((await api.call('GET', '/api/v1/approvals/inbox', { cookie: sales })).statusCode, 403);
  });
});
