import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApi, type TestApi } from '../../../testing/http.ts';
import { DEMO_PASSWORD } from '../../../testing/harness.ts';

const sign = (meaning: string, reason = '测试') => ({ signature: { password: DEMO_PASSWORD, meaning }, reason });
const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const LIANYING = '上海联影医疗器械销售有限公司';
const MINDRAY = '深圳迈瑞生物医疗电子股份有限公司';
const ZHONGSHAN = '复旦大学附属中山医院';
const HANGZHOU = '杭州市第一人民医院';
const SYRINGE = '一次性使用无菌注射器';
const STENT = '冠状动脉药物洗脱支架系统';
const MASK = '医用外科口罩';

describe('purchase orders (采购订单) on the demo distributor', () => {
  let api: TestApi;
  let purchaser: string, purchaser2: string, head: string, qa: string, auditor: string, sales: string;
  const ids: Record<string, string> = {};

  before(async () => {
    api = await createTestApi();
    [purchaser, purchaser2, head, qa, auditor, sales] = await Promise.all(['purchaser', 'purchaser2', 'qahead', 'qa', 'auditor', 'sales'].map((u) => api.login(u)));
    for (const p of (await api.call('GET', '/api/v1/master-data/parties', { cookie: qa })).json().items) ids[p.name] = p.id;
    for (const p of (await api.call('GET', '/api/v1/master-data/products', { cookie: qa })).json().items) ids[p.name] = p.id;
  });
  after(() => api.close());

  const order = (over: Record<string, unknown> = {}) => ({
    supplierId: ids[LIANYING],
    qualityClause: '供货方保证产品为合法注册的合格产品，随货附随货同行单及合格证明。',
    afterSalesClause: '供货方负责退换货与技术支持，召回时24小时内响应。',
    lines: [{ productId: ids[MASK], quantity: '10', unitPrice: '0.45', unit: '只' }],
    ...over,
  });
  const create = (body: unknown, cookie = purchaser) => api.call('POST', '/api/v1/purchasing/orders', { cookie, body });
  const act = (id: string, action: string, cookie: string, body?: unknown) => api.call('POST', `/api/v1/purchasing/orders/${id}/${action}`, { cookie, body });
  const get = async (id: string, cookie = purchaser) => (await api.call('GET', `/api/v1/purchasing/orders/${id}`, { cookie })).json();
  const orderCount = async () => (await api.core.db.query<{ n: number }>('SELECT count(*)::int AS n FROM purchasing.purchase_order')).rows[0].n;
  async function submitted(body: Record<string, unknown>) {
    const created = await create(order(body));
    assert.equal(created.statusCode, 201, created.body);
    const response = await act(created.json().id, 'submit', purchaser);
    assert.equal(response.statusCode, 200, response.body);
    return created.json().id as string;
  }

  test('CN-PUR-01: a purchase order holds every F-CN-3 field and the quality and after-sales clauses', async () => {
    const response = await create(order({
      expectedDeliveryDate: today(), note: '常规补货',
      lines: [
        { productId: ids[SYRINGE], quantity: '2000', unitPrice: '1.85', unit: '支' },
        { productId: ids[STENT], quantity: 2, unitPrice: 6800 },
      ],
    }));
    assert.equal(response.statusCode, 400, 'the stent has no packaging levels: its unit must be given');
    assert.deepEqual(response.json().errors.map((e: { path: string }) => e.path), ['lines.1.unit']);

    const created = await create(order({
      expectedDeliveryDate: today(), note: '常规补货',
      lines: [
        { productId: ids[SYRINGE], quantity: '2000', unitPrice: '1.85', unit: '支' },
        { productId: ids[STENT], quantity: 2, unitPrice: 6800, unit: '套' },
      ],
    }));
    assert.equal(created.statusCode, 201, created.body);
    const po = created.json();
    assert.match(po.number, /^PO-\d{4}-\d{6}$/);
    assert.equal(po.status, 'draft');
    assert.equal(po.orderDate, today(), 'the order date is the server day');
    assert.deepEqual([po.supplierName, po.supplierAddress, po.supplierContact], [LIANYING, '上海市浦东新区张江路1000号', '周经理']);
    assert.equal(po.currency, 'CNY');
    assert.match(po.qualityClause, /合格产品/);
    assert.match(po.afterSalesClause, /退换货/);
    assert.deepEqual(po.lines.map((l: Record<string, unknown>) => [l.productName, l.model, l.registrant, l.registrationNo, l.unit, l.quantity, l.unitPrice, l.amount]), [
      [SYRINGE, '5ml 带针', '山东威高集团医用高分子制品股份有限公司', '国械注准20153150315', '支', '2000', '1.85', '3700.00'],
      [STENT, '3.0×18mm', '乐普(北京)医疗器械股份有限公司', '国械注准20173130001', '套', '2', '6800.00', '13600.00'],
    ]);
    assert.equal(po.total, '17300.00');
    assert.equal(po.maxDeviceClass, 'III');
    assert.deepEqual(po.allowedActions.sort(), ['cancel', 'submit', 'update']);

    const before = await api.commandCount();
    for (const [body, path] of [
      [order({ qualityClause: undefined }), 'qualityClause'],
      [order({ afterSalesClause: '   ' }), 'afterSalesClause'],
      [order({ orderDate: '2020-01-01' }), 'orderDate'],
    ] as const) {
      const refused = await create(body);
      assert.equal(refused.statusCode, 400, JSON.stringify(body));
      assert.equal(refused.json().code, 'VALIDATION_FAILED');
      assert.ok(refused.json().errors.some((e: { path: string }) => e.path === path), refused.body);
    }
    assert.equal(await api.commandCount(), before, 'nothing written');
  });

  test('amounts are exact and computed by the server: 3 × 0.1 = 0.30, 1 × 1.005 = 1.01', async () => {
    const created = await create(order({ lines: [
      { productId: ids[MASK], quantity: '3', unitPrice: '0.1', unit: '只' },
      { productId: ids[MASK], quantity: 1, unitPrice: '1.005', unit: '只' },
    ] }));
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json().lines.map((l: { amount: string }) => l.amount), ['0.30', '1.01']);
    assert.equal(created.json().total, '1.31');
    const stored = await api.core.db.query<{ amount: string }>('SELECT amount FROM purchasing.purchase_order_line WHERE order_id = $1 ORDER BY line_no', [created.json().id]);
    assert.deepEqual(stored.rows.map((r) => r.amount), ['0.30', '1.01']);
    const injected = await create({ ...order(), total: '0.01' });
    assert.equal(injected.statusCode, 400, 'a client cannot send amounts or totals');
  });

  test('CN-SYS-07: an order line for a product outside the supplier\'s scope is blocked with the rule and requirement', async () => {
    const before = [await api.commandCount(), await orderCount()];
    const response = await api.call('POST', '/api/v1/purchasing/orders', {
      cookie: purchaser, lang: 'en',
      body: order({ supplierId: ids[MINDRAY], lines: [{ productId: ids[STENT], quantity: '1', unitPrice: '6800', unit: '套' }] }),
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    const problem = response.json();
    assert.equal(problem.code, 'QUALIFICATION_BLOCKED');
    assert.equal(problem.rule, 'supplier_scope_covers_product');
    assert.equal(problem.requirement, 'CN-SYS-07');
    assert.match(problem.detail, /^Line 1: .*outside the licensed scope/);
    assert.equal(problem.facts.lineNo, 1);
    assert.deepEqual([await api.commandCount(), await orderCount()], before, 'nothing written');
  });

  test('CN-QUAL-03: a supplier without a valid authorisation letter for the product is blocked', async () => {
    const response = await create(order({ supplierId: ids[MINDRAY], lines: [{ productId: ids[SYRINGE], quantity: '1', unitPrice: '1.85', unit: '支' }] }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().rule, 'supplier_authorisation_covers');
    assert.equal(response.json().requirement, 'CN-QUAL-03');
    assert.match(response.json().detail, /授权/);
  });

  test('CN-PUR-03: a direct shipment needs a reason code', async () => {
    const before = await api.commandCount();
    const missing = await create(order({ direct: true, directCustomerId: ids[ZHONGSHAN] }));
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().requirement, 'CN-PUR-03');
    assert.deepEqual(missing.json().errors.map((e: { path: string }) => e.path), ['directReason']);
    const unknownCode = await create(order({ direct: true, directReason: 'convenience', directCustomerId: ids[ZHONGSHAN] }));
    assert.equal(unknownCode.statusCode, 400);
    const notDirect = await create(order({ directReason: 'epidemic' }));
    assert.equal(notDirect.json().requirement, 'CN-PUR-03');
    assert.equal(await api.commandCount(), before);

    // The goods go on to the customer: the customer is checked too (expired licence, no approved customer file).
    const blocked = await create(order({ direct: true, directReason: 'clinical_urgency', directCustomerId: ids[HANGZHOU] }));
    assert.equal(blocked.statusCode, 422);
    assert.ok(['CN-QUAL-05', 'CN-SYS-07'].includes(blocked.json().requirement), blocked.body);

    const direct = await create(order({ direct: true, directReason: 'emergency_rescue', directCustomerId: ids[ZHONGSHAN] }));
    assert.equal(direct.statusCode, 201, direct.body);
    assert.deepEqual([direct.json().direct, direct.json().directReason, direct.json().directCustomerName], [true, 'emergency_rescue', ZHONGSHAN]);
    // A direct shipment needs the QA head as well, whatever its class and value.
    await act(direct.json().id, 'submit', purchaser);
    assert.deepEqual((await get(direct.json().id)).approvalProgress.map((p: { rule: string }) => p.rule), ['purchase-order-approval', 'purchase-order-quality-approval']);
  });

  test('approval rules as data: one purchaser for an ordinary order; class III or a total of ¥100,000 adds the QA head', async () => {
    const small = await submitted({});
    const wrongRole = await act(small, 'approve', head, sign('approved'));
    assert.equal(wrongRole.statusCode, 403);
    assert.equal(wrongRole.json().code, 'APPROVAL_ROLE');
    const approved = await act(small, 'approve', purchaser2, sign('approved', '价格合理'));
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.deepEqual(approved.json().approvalProgress.map((p: { rule: string; given: number; required: number }) => [p.rule, p.given, p.required]), [['purchase-order-approval', 1, 1]]);
    assert.deepEqual(approved.json().signatures.map((s: { meaning: string; signerName: string; status: string }) => [s.meaning, s.signerName, s.status]), [['approved', '何主管', 'valid']]);

    for (const lines of [
      [{ productId: ids[STENT], quantity: '1', unitPrice: '6800', unit: '套' }],
      [{ productId: ids[MASK], quantity: '100000', unitPrice: '1', unit: '只' }],
    ]) {
      const id = await submitted({ lines });
      const first = await act(id, 'approve', purchaser2, sign('approved'));
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().status, 'submitted', 'one approval is not enough');
      assert.deepEqual(first.json().approvalProgress.map((p: { rule: string; given: number }) => [p.rule, p.given]), [['purchase-order-approval', 1], ['purchase-order-quality-approval', 0]]);
      const inbox = (await api.call('GET', '/api/v1/approvals/inbox', { cookie: head })).json().items;
      assert.ok(inbox.some((item: { id: string; document: string }) => item.id === id && item.document === 'purchasing.purchase_order'));
      const again = await act(id, 'approve', purchaser2, sign('approved'));
      assert.equal(again.statusCode, 409, 'the same person cannot count twice');
      const second = await act(id, 'approve', head, sign('approved', '三类器械资质核对无误'));
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().status, 'approved');
      assert.equal(second.json().signatures.filter((s: { valid: boolean }) => s.valid).length, 2);
    }
  });

  test('US-P11-05: self-approval is refused; the second purchaser finds the order in the approval inbox', async () => {
    const id = await submitted({});
    const self = await act(id, 'approve', purchaser, sign('approved'));
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().code, 'SELF_APPROVAL');
    assert.equal((await get(id)).status, 'submitted');
    assert.ok(!(await api.call('GET', '/api/v1/approvals/inbox', { cookie: purchaser })).json().items.some((i: { id: string }) => i.id === id));
    assert.ok((await api.call('GET', '/api/v1/approvals/inbox', { cookie: purchaser2 })).json().items.some((i: { id: string }) => i.id === id));
    const unsigned = await act(id, 'approve', purchaser2);
    assert.equal(unsigned.statusCode, 400);
    assert.equal(unsigned.json().code, 'SIGNATURE_REQUIRED');
  });

  test('CN-SYS-07 / CN-SYS-08: a licence that expired after the order was drafted blocks approval', async () => {
    const id = await submitted({ lines: [{ productId: ids[SYRINGE], quantity: '100', unitPrice: '1.85', unit: '支' }] });
    const licences = (await api.call('GET', `/api/v1/master-data/parties/${ids[LIANYING]}/licences`, { cookie: qa })).json().items;
    const operating = licences.find((l: { type: string }) => l.type === 'operating_licence');
    const expired = await api.call('PATCH', `/api/v1/master-data/licences/${operating.id}`, { cookie: qa, body: { validTo: yesterday(), reason: '核对原件：许可证已到期' } });
    assert.equal(expired.statusCode, 200, expired.body);
    try {
      const blocked = await act(id, 'approve', purchaser2, sign('approved'));
      assert.equal(blocked.statusCode, 422);
      assert.equal(blocked.json().code, 'QUALIFICATION_BLOCKED');
      assert.equal(blocked.json().rule, 'supplier_licence_valid');
      assert.equal(blocked.json().requirement, 'CN-SYS-07');
      const order = await get(id);
      assert.equal(order.status, 'submitted');
      assert.deepEqual(order.signatures, [], 'a refused approval leaves no signature');
    } finally {
      await api.call('PATCH', `/api/v1/master-data/licences/${operating.id}`, { cookie: qa, body: { validTo: operating.validTo, reason: '换发新证' } });
    }
    assert.equal((await act(id, 'approve', purchaser2, sign('approved'))).statusCode, 200);
  });

  test('a draft is changed by replacing its lines; a submitted order can no longer change', async () => {
    const created = (await create(order())).json();
    const changed = await api.call('PATCH', `/api/v1/purchasing/orders/${created.id}`, {
      cookie: purchaser,
      body: { note: '改为两种口罩规格', lines: [{ productId: ids[MASK], quantity: '20', unitPrice: '0.40', unit: '只' }, { productId: ids[SYRINGE], quantity: '5', unitPrice: '2', unit: '支' }] },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().version, created.version + 1);
    assert.deepEqual(changed.json().lines.map((l: { amount: string }) => l.amount), ['8.00', '10.00']);
    assert.equal(changed.json().total, '18.00');
    const trail = await api.core.db.query<{ op: string; n: number }>(
      `SELECT op, count(*)::int AS n FROM audit.row_change WHERE table_name = 'purchasing.purchase_order_line' AND (before->>'order_id' = $1 OR after->>'order_id' = $1) GROUP BY op ORDER BY op`,
      [created.id],
    );
    assert.deepEqual(trail.rows, [{ op: 'DELETE', n: 1 }, { op: 'INSERT', n: 3 }], 'every line write is in the audit trail');
    const headerOnly = await api.call('PATCH', `/api/v1/purchasing/orders/${created.id}`, { cookie: purchaser, body: { note: '只改备注' } });
    assert.equal(headerOnly.json().lines.length, 2);
    await act(created.id, 'submit', purchaser);
    const late = await api.call('PATCH', `/api/v1/purchasing/orders/${created.id}`, { cookie: purchaser, body: { note: 'x' } });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, 'RECORD_IMMUTABLE');
  });

  test('a rejection (signed, with a reason) returns the order for changes; approvals count again only after resubmission', async () => {
    const id = await submitted({ lines: [{ productId: ids[STENT], quantity: '1', unitPrice: '6800', unit: '套' }] });
    assert.equal((await act(id, 'approve', purchaser2, sign('approved'))).json().status, 'submitted');
    assert.equal((await act(id, 'reject', head, { signature: { password: DEMO_PASSWORD, meaning: 'rejected' } })).json().code, 'REASON_REQUIRED');
    const rejected = await act(id, 'reject', head, sign('rejected', '单价高于合同价'));
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().status, 'rejected');
    const revised = await api.call('PATCH', `/api/v1/purchasing/orders/${id}`, { cookie: purchaser, body: { lines: [{ productId: ids[STENT], quantity: '1', unitPrice: '6500', unit: '套' }] } });
    assert.equal(revised.statusCode, 200, revised.body);
    assert.equal(revised.json().total, '6500.00');
    await act(id, 'submit', purchaser);
    const progress = (await get(id)).approvalProgress.map((p: { rule: string; given: number }) => [p.rule, p.given]);
    assert.deepEqual(progress, [['purchase-order-approval', 0], ['purchase-order-quality-approval', 0]], 'the approval before the rejection no longer counts');
  });

  test('cancel needs a reason, keeps it on the order, and leaves the approval signature valid', async () => {
    const id = await submitted({});
    await act(id, 'approve', purchaser2, sign('approved'));
    const withoutReason = await act(id, 'cancel', purchaser);
    assert.equal(withoutReason.statusCode, 400);
    assert.equal(withoutReason.json().code, 'REASON_REQUIRED');
    const cancelled = await act(id, 'cancel', purchaser, { reason: '供货方无法按期交货' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().status, 'cancelled');
    assert.equal(cancelled.json().cancelReason, '供货方无法按期交货');
    assert.ok(cancelled.json().cancelledAt);
    assert.deepEqual(cancelled.json().signatures.map((s: { status: string }) => s.status), ['valid']);
    assert.deepEqual(cancelled.json().allowedActions, []);
    assert.equal((await act(id, 'cancel', purchaser, { reason: '再次' })).statusCode, 409);
    assert.equal((await act(id, 'close', purchaser)).statusCode, 409);
  });

  test('CN-PUR-02: the purchase record shows F-CN-4', async () => {
    const response = await api.call('GET', `/api/v1/purchasing/records?supplierId=${ids[LIANYING]}&direct=false&limit=500`, { cookie: auditor });
    assert.equal(response.statusCode, 200, response.body);
    const record = response.json();
    assert.deepEqual(record.columns.map((c: { label: { 'zh-CN': string } }) => c.label['zh-CN']),
      ['名称', '型号/规格', '注册人/备案人', '注册证编号/备案编号', '单位', '数量', '单价', '金额', '供货者', '购货日期']);
    const stent = record.items.find((i: { productName: string; quantity: string }) => i.productName === STENT && i.quantity === '20');
    assert.ok(stent, 'the approved demo order from 上海联影');
    for (const column of record.columns) assert.ok(stent[column.field] !== null && stent[column.field] !== '', column.field);
    assert.deepEqual([stent.model, stent.registrant, stent.registrationNo, stent.unit, stent.unitPrice, stent.amount, stent.supplierName],
      ['3.0×18mm', '乐普(北京)医疗器械股份有限公司', '国械注准20173130001', '套', '6800.00', '136000.00', LIANYING]);
    assert.match(stent.purchaseDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(record.items.every((i: { status: string; direct: boolean }) => ['approved', 'closed'].includes(i.status) && !i.direct), 'drafts and direct shipments are not in it');
    // CN-PUR-03: the direct shipments form their own purchase record.
    const direct = (await api.call('GET', '/api/v1/purchasing/records?direct=true', { cookie: auditor })).json();
    assert.ok(direct.items.length >= 1);
    assert.ok(direct.items.every((i: { direct: boolean; directReason: string }) => i.direct && i.directReason));
    assert.equal((await api.call('GET', '/api/v1/purchasing/records', { cookie: sales })).statusCode, 403);
  });

  test('CN-SYS-02: QA and auditors read orders; only purchasers write them', async () => {
    const list = await api.call('GET', `/api/v1/purchasing/orders?supplierId=${ids[LIANYING]}&q=${encodeURIComponent('口罩')}`, { cookie: qa });
    assert.equal(list.statusCode, 200, list.body);
    assert.ok(list.json().items.length >= 1);
    assert.ok(list.json().total >= list.json().items.length);
    assert.equal((await api.call('GET', '/api/v1/purchasing/orders?status=draft', { cookie: auditor })).statusCode, 200);
    assert.equal((await create(order(), qa)).statusCode, 403);
    assert.equal((await create(order(), auditor)).statusCode, 403);
    assert.equal((await api.call('GET', '/api/v1/purchasing/orders', { cookie: sales })).statusCode, 403);
  });

  test('bad input answers problem+json and writes nothing', async () => {
    const before = [await api.commandCount(), await orderCount()];
    const cases: [Record<string, unknown>, number, string][] = [
      [order({ lines: [] }), 400, 'lines'],
      [order({ lines: [{ productId: ids[MASK], quantity: '-1', unitPrice: '1', unit: '只' }] }), 400, 'lines.0.quantity'],
      [order({ lines: [{ productId: ids[MASK], quantity: '1', unitPrice: '1.23456', unit: '只' }] }), 400, 'lines.0.unitPrice'],
      [order({ lines: [{ productId: 'prd_nope', quantity: '1', unitPrice: '1', unit: '只' }] }), 400, 'lines.0.productId'],
      [order({ supplierId: 'pty_nope' }), 400, 'supplierId'],
      [order({ supplierId: ids[ZHONGSHAN] }), 400, 'supplierId'],
      [order({ expectedDeliveryDate: yesterday() }), 400, 'expectedDeliveryDate'],
      [order({ currency: 'USD' }), 400, 'currency'],
      [order({ colour: 'red' }), 400, 'colour'],
    ];
    for (const [body, status, path] of cases) {
      const response = await create(body);
      assert.equal(response.statusCode, status, `${path}: ${response.body}`);
      assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
      assert.ok(response.json().errors.some((e: { path: string }) => e.path === path), `${path}: ${response.body}`);
    }
    assert.deepEqual([await api.commandCount(), await orderCount()], before);
  });

  test('the demo has an approved order for syringes and stents, an approved direct shipment and a draft', async () => {
    const demo = (await api.call('GET', `/api/v1/purchasing/orders?supplierId=${ids[LIANYING]}&limit=200`, { cookie: auditor })).json().items
      .filter((o: { note: string | null }) => ['月度常规补货', '心内科急诊手术用', '防疫物资储备'].includes(o.note ?? ''));
    assert.deepEqual(demo.map((o: { status: string; direct: boolean }) => [o.status, o.direct]).sort(), [['approved', false], ['approved', true], ['draft', false]]);
  });

  test('US-P11-07: a signature covers the lines: a line changed behind the system shows the signature invalid', async () => {
    const id = await submitted({});
    await act(id, 'approve', purchaser2, sign('approved'));
    assert.equal((await get(id)).signatures[0].status, 'valid');
    await api.core.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('app.command_id', 'cmd_tamper', true)`);
      await tx.query(`UPDATE purchasing.purchase_order_line SET quantity = 11 WHERE order_id = $1`, [id]);
    });
    assert.notEqual((await get(id)).signatures[0].status, 'valid');
  });
});
