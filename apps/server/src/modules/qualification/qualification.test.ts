import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApi, type TestApi } from '../../testing/http.ts';
import { DEMO_PASSWORD } from '../../testing/harness.ts';

const sign = (meaning: string, reason = '测试') => ({ signature: { password: DEMO_PASSWORD, meaning }, reason });
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('qualification (首营) on the demo distributor', () => {
  let api: TestApi;
  let qa: string, inspector: string, head: string, purchaser: string;
  const ids: Record<string, string> = {};

  before(async () => {
    api = await createTestApi();
    [qa, inspector, head, purchaser] = [await api.login('qa'), await api.login('inspector'), await api.login('qahead'), await api.login('purchaser')];
    for (const p of (await api.call('GET', '/api/v1/master-data/parties', { cookie: qa })).json().items) ids[p.name] = p.id;
    for (const p of (await api.call('GET', '/api/v1/master-data/products', { cookie: qa })).json().items) ids[p.name] = p.id;
  });
  after(() => api.close());

  const check = async (query: Record<string, string>) => (await api.call('GET', `/api/v1/qualification/check?${new URLSearchParams(query)}`, { cookie: purchaser })).json();

  test('CN-QUAL-01: a purchase from a qualified supplier of a qualified product is allowed', async () => {
    const result = await check({ supplierId: ids['上海联影医疗器械销售有限公司'], productId: ids['一次性使用无菌注射器'] });
    assert.equal(result.decision, 'allow', JSON.stringify(result.reasons));
  });

  test('CN-QUAL-03: a supplier whose authorisation letter does not cover the product is blocked, naming rule and requirement', async () => {
    const result = await check({ supplierId: ids['深圳迈瑞生物医疗电子股份有限公司'], productId: ids['一次性使用无菌注射器'] });
    assert.equal(result.decision, 'block');
    const reason = result.reasons.find((r: { rule: string }) => r.rule === 'supplier_authorisation_covers');
    assert.equal(reason.requirement, 'CN-QUAL-03');
    assert.match(reason.message['zh-CN'], /授权/);
    assert.ok(Array.isArray(reason.facts.letters));
  });

  test('CN-SYS-08: the production licence expiring in 20 days is warned at the moment of use', async () => {
    const result = await check({ supplierId: ids['深圳迈瑞生物医疗电子股份有限公司'], productId: ids['体外诊断试剂 新型冠状病毒抗原检测试剂盒'] });
    const warning = result.warnings.find((w: { facts: { daysLeft?: number } }) => w.facts.daysLeft === 20);
    assert.ok(warning, JSON.stringify(result));
    assert.equal(warning.requirement, 'CN-SYS-08');
  });

  test('CN-QUAL-05 / CN-SYS-07: a sale to a hospital with an expired licence and no approved customer file is blocked', async () => {
    const ok = await check({ customerId: ids['复旦大学附属中山医院'], productId: ids['一次性使用无菌注射器'] });
    assert.equal(ok.decision, 'allow', JSON.stringify(ok.reasons));
    const blocked = await check({ customerId: ids['杭州市第一人民医院'], productId: ids['一次性使用无菌注射器'] });
    assert.deepEqual(blocked.reasons.map((r: { requirement: string }) => r.requirement).sort(), ['CN-QUAL-05', 'CN-SYS-07']);
  });

  test('CN-QUAL-07 / CN-QUAL-02: a product without an approved product file is blocked', async () => {
    const result = await check({ supplierId: ids['深圳迈瑞生物医疗电子股份有限公司'], productId: ids['体外诊断试剂 新型冠状病毒抗原检测试剂盒'] });
    assert.ok(result.reasons.some((r: { requirement: string }) => r.requirement === 'CN-QUAL-02'));
  });

  test('CN-QUAL-02: an incomplete product file cannot be submitted; the answer lists what is missing', async () => {
    const files = (await api.call('GET', '/api/v1/qualification/files?kind=product&status=draft', { cookie: qa })).json().items;
    const file = files.find((f: { subjectName: string }) => f.subjectName.startsWith('体外诊断试剂'));
    assert.deepEqual(file.missing.map((m: { item: string }) => m.item), ['registration.scan', 'label']);
    const response = await api.call('POST', `/api/v1/qualification/files/${file.id}/submit`, { cookie: qa, lang: 'en' });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().code, 'QUALIFICATION_INCOMPLETE');
    assert.equal(response.json().requirement, 'CN-QUAL-02');
    assert.deepEqual(response.json().errors.map((e: { path: string }) => e.path), ['registration.scan', 'label']);
  });

  test('CN-SYS-07 / CN-SYS-08: an expired licence blocks at the moment of use before any sweep; the sweep then locks the file; renewal and a signed reinstatement lift it', async () => {
    const supplierId = ids['上海联影医疗器械销售有限公司'];
    const productId = ids['一次性使用无菌注射器'];
    const licences = (await api.call('GET', `/api/v1/master-data/parties/${supplierId}/licences`, { cookie: qa })).json().items;
    const operating = licences.find((l: { type: string }) => l.type === 'operating_licence');
    const originalValidTo = operating.validTo;
    const expire = await api.call('PATCH', `/api/v1/master-data/licences/${operating.id}`, { cookie: qa, body: { validTo: yesterday(), reason: '核对原件：许可证已到期' } });
    assert.equal(expire.statusCode, 200, expire.body);
    // No sweep has run: the check itself reads the date.
    const blocked = await check({ supplierId, productId });
    assert.equal(blocked.decision, 'block');
    assert.equal(blocked.reasons[0].rule, 'supplier_licence_valid');
    await api.core.bus.execute('qualification.expiry.sweep', {}, api.core.system);
    const file = (await api.call('GET', `/api/v1/qualification/files?subjectId=${supplierId}`, { cookie: qa })).json().items[0];
    assert.equal(file.status, 'locked');
    const party = (await api.call('GET', `/api/v1/master-data/parties/${supplierId}`, { cookie: qa })).json();
    assert.match(party.lockedReason, /expired/);
    const event = await api.core.db.query(`SELECT 1 FROM platform.outbox WHERE event_type = 'qualification.document.expired' AND payload->>'documentId' = $1`, [operating.id]);
    assert.equal(event.rowCount, 1);
    // Reinstating before renewal is refused: the file is incomplete again.
    const early = await api.call('POST', `/api/v1/qualification/files/${file.id}/reinstate`, { cookie: head, body: sign('approved', '恢复') });
    assert.equal(early.statusCode, 422);
    await api.call('PATCH', `/api/v1/master-data/licences/${operating.id}`, { cookie: qa, body: { validTo: originalValidTo, reason: '换发新证' } });
    const reinstated = await api.call('POST', `/api/v1/qualification/files/${file.id}/reinstate`, { cookie: head, body: sign('approved', '已换证') });
    assert.equal(reinstated.statusCode, 200, reinstated.body);
    assert.equal(reinstated.json().status, 'approved');
    assert.equal((await check({ supplierId, productId })).decision, 'allow');
  });

  test('CN-SYS-08: the sweep warns once per document and publishes an event for webhooks', async () => {
    const count = async () => (await api.core.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform.outbox WHERE event_type = 'qualification.document.expiring'`)).rows[0].n;
    const first = await count();
    assert.ok(first >= 2, 'the demo load already warned about the two documents expiring soon');
    await api.core.bus.execute('qualification.expiry.sweep', {}, api.core.system);
    assert.equal(await count(), first);
    const overview = (await api.call('GET', '/api/v1/qualification/expiry?days=90', { cookie: qa })).json();
    assert.equal(overview.summary.expired, 1);
    assert.equal(overview.summary.within30, 2);
  });

  test('US-P11-05: the QA review is a second person; the approver is neither author, submitter nor reviewer', async () => {
    const created = await api.call('POST', '/api/v1/qualification/files', { cookie: qa, body: { kind: 'supplier', subjectId: ids['上海联影医疗器械销售有限公司'] } });
    assert.equal(created.statusCode, 409, 'one open file per subject');
    const party = await api.call('POST', '/api/v1/master-data/parties', {
      cookie: qa, body: { name: '新供应商', kinds: ['supplier'], creditCode: '91310000MA1FL0000X', address: '上海市' },
    });
    const file = (await api.call('POST', '/api/v1/qualification/files', { cookie: qa, body: { kind: 'supplier', subjectId: party.json().id } })).json();
    const incomplete = await api.call('POST', `/api/v1/qualification/files/${file.id}/submit`, { cookie: qa });
    assert.equal(incomplete.json().requirement, 'CN-QUAL-01');
    assert.deepEqual(incomplete.json().errors.map((e: { path: string }) => e.path), ['business_licence', 'trade_licence', 'authorisation', 'delivery_note_template', 'seal']);
  });

  test('CN-SYS-05: approved master data changes only through a signed change request; history keeps every version', async () => {
    const productId = ids['医用外科口罩'];
    const direct = await api.call('PATCH', `/api/v1/master-data/products/${productId}`, { cookie: qa, body: { model: '新型号', reason: 'x' } });
    assert.equal(direct.statusCode, 409);
    const before = (await api.call('GET', `/api/v1/master-data/products/${productId}`, { cookie: qa })).json();
    const change = await api.call('POST', '/api/v1/qualification/change-requests', {
      cookie: qa, body: { target: 'master_data.product', targetId: productId, changes: { model: '17.5×9.5cm 绑带式' }, reason: '规格变更' },
    });
    assert.equal(change.statusCode, 201, change.body);
    const bad = await api.call('POST', '/api/v1/qualification/change-requests', {
      cookie: qa, body: { target: 'master_data.product', targetId: productId, changes: { deviceClass: 'IV' }, reason: 'x' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, 'changes.deviceClass');
    await api.call('POST', `/api/v1/qualification/change-requests/${change.json().id}/submit`, { cookie: qa });
    const selfApprove = await api.call('POST', `/api/v1/qualification/change-requests/${change.json().id}/approve`, { cookie: qa, body: sign('approved') });
    assert.equal(selfApprove.statusCode, 403);
    const approved = await api.call('POST', `/api/v1/qualification/change-requests/${change.json().id}/approve`, { cookie: head, body: sign('approved', '同意') });
    assert.equal(approved.statusCode, 200, approved.body);
    const after = (await api.call('GET', `/api/v1/master-data/products/${productId}`, { cookie: qa })).json();
    assert.equal(after.model, '17.5×9.5cm 绑带式');
    assert.equal(after.version, before.version + 1);
    assert.deepEqual(after.signatures.map((s: { status: string }) => s.status).slice(-1), ['valid']);
    assert.ok(after.signatures.some((s: { status: string }) => s.status === 'superseded'));
    const history = (await api.call('GET', `/api/v1/audit/history?table=master_data.product&id=${productId}`, { cookie: qa })).json();
    const modelChanges = history.entries.flatMap((e: { changes: { field: string; before: unknown; after: unknown }[] }) => e.changes.filter((c) => c.field === 'model'));
    assert.deepEqual(modelChanges.at(-1), { field: 'model', before: before.model, after: '17.5×9.5cm 绑带式' });
  });

  test('rules are versioned data: a regional version, signed, changes the outcome from its effective date', async () => {
    const supplierId = ids['深圳迈瑞生物医疗电子股份有限公司'];
    const productId = ids['一次性使用无菌注射器'];
    assert.ok((await check({ supplierId, productId })).reasons.some((r: { rule: string }) => r.rule === 'supplier_authorisation_covers'));
    const unsigned = await api.call('POST', '/api/v1/qualification/rules', { cookie: head, body: { ruleKey: 'supplier_authorisation_covers', region: '31', enabled: false, effectiveFrom: '2020-01-01', reason: 'x' } });
    assert.equal(unsigned.statusCode, 400);
    const published = await api.call('POST', '/api/v1/qualification/rules', {
      cookie: head, body: { ruleKey: 'supplier_authorisation_covers', region: '31', enabled: false, effectiveFrom: new Date().toISOString().slice(0, 10), ...sign('approved', '地方规定试点') },
    });
    assert.equal(published.statusCode, 201, published.body);
    assert.ok(!(await check({ supplierId, productId })).reasons.some((r: { rule: string }) => r.rule === 'supplier_authorisation_covers'));
    const earlier = await check({ supplierId, productId, date: '2025-01-01' });
    assert.ok(earlier.reasons.some((r: { rule: string }) => r.rule === 'supplier_authorisation_covers'));
  });

  test('files are stored with their SHA-256; a file whose bytes do not match its type is refused', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const uploaded = await api.call('POST', '/api/v1/files', { cookie: qa, body: { name: '营业执照.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') } });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    assert.match(uploaded.json().sha256, /^[0-9a-f]{64}$/);
    const download = await api.call('GET', `/api/v1/files/${uploaded.json().id}`, { cookie: purchaser });
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-sha256'], uploaded.json().sha256);
    assert.deepEqual(download.rawPayload, pdf);
    // The command log binds the bytes by their hash instead of copying them.
    const logged = (await api.core.db.query<{ input: { contentBase64: string } }>(`SELECT input FROM audit.command_log WHERE command = 'platform.file.upload' ORDER BY at DESC, id DESC LIMIT 1`)).rows[0];
    assert.match(logged.input.contentBase64, /^sha256:[0-9a-f]{64} \(\d+ chars\)$/);
    const fake = await api.call('POST', '/api/v1/files', { cookie: qa, body: { name: 'x.png', mime: 'image/png', contentBase64: pdf.toString('base64') } });
    assert.equal(fake.statusCode, 400);
    const forbidden = await api.call('POST', '/api/v1/files', { cookie: purchaser, body: { name: 'x.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') } });
    assert.equal(forbidden.statusCode, 403);
  });

  test('CN-SYS-05: only QA records licences; CN-QUAL-08: on-site audit and regulator flag are recorded on the supplier', async () => {
    const supplierId = ids['上海联影医疗器械销售有限公司'];
    const refused = await api.call('POST', `/api/v1/master-data/parties/${supplierId}/licences`, {
      cookie: purchaser, body: { type: 'other', number: 'X-1', issuer: 'x', scope: [], validFrom: '2020-01-01' },
    });
    assert.equal(refused.statusCode, 403);
    const change = await api.call('POST', '/api/v1/qualification/change-requests', {
      cookie: qa, body: { target: 'master_data.party', targetId: supplierId, changes: { onsiteAuditDate: '2026-10-10', onsiteAuditResult: '现场审计合格', regulatorReportFlag: false }, reason: '现场审计' },
    });
    await api.call('POST', `/api/v1/qualification/change-requests/${change.json().id}/submit`, { cookie: qa });
    await api.call('POST', `/api/v1/qualification/change-requests/${change.json().id}/approve`, { cookie: head, body: sign('approved') });
    const party = (await api.call('GET', `/api/v1/master-data/parties/${supplierId}`, { cookie: qa })).json();
    assert.equal(party.onsiteAuditDate, '2026-10-10');
    assert.equal(party.onsiteAuditResult, '现场审计合格');
  });

  test('the approval inbox lists qualification files waiting for the QA head', async () => {
    const inbox = (await api.call('GET', '/api/v1/approvals/inbox', { cookie: head })).json();
    assert.ok(inbox.items.every((i: { document: string }) => ['master_data.product', 'master_data.party', 'qualification.file', 'qualification.change_request'].includes(i.document)));
    void inspector;
  });
});
