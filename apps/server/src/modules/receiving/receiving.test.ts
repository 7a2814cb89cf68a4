import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mod10CheckDigit } from '@custodia/gs1';
import { createTestApi, type TestApi } from '../../testing/http.ts';
import { DEMO_PASSWORD } from '../../testing/harness.ts';
import { verifyInventory } from '../inventory/index.ts';
import { createHash } from 'node:crypto';
import { buildAcceptanceRecordDefinition, F_CN_5_COLUMNS, formatSignedAt } from './acceptance/acceptance.print.ts';

const sign = (meaning: string) => ({ password: DEMO_PASSWORD, meaning });
const sscc = (body17: string) => body17 + mod10CheckDigit(body17);
const gs1 = (gtin: string, expiry: string, lot: string, serial?: string) => `(01)${gtin}(17)${expiry}(10)${lot}${serial ? `(21)${serial}` : ''}`;
const SYRINGE_DI = '06901234567892';
const STENT_DI = '06923456789012';
const MASK_DI = '06934567890122';

describe('receiving: goods receipt → acceptance → putaway', () => {
  let api: TestApi;
  let keeper: string, qa: string, head: string;
  let orderId: string, supplierId: string;
  const product: Record<string, string> = {};
  const bin: Record<string, string> = {};

  before(async () => {
    api = await createTestApi();
    [keeper, qa, head] = [await api.login('keeper'), await api.login('qa'), await api.login('qahead')];
    for (const p of (await api.call('GET', '/api/v1/master-data/products', { cookie: qa })).json().items) product[p.name] = p.id;
    for (const l of (await api.call('GET', '/api/v1/inventory/locations', { cookie: keeper })).json().items) bin[l.code] = l.id;
    const orders = (await api.call('GET', '/api/v1/purchasing/orders?status=approved', { cookie: keeper })).json().items;
    const regular = orders.find((o: { note: string }) => o.note === '月度常规补货');
    [orderId, supplierId] = [regular.id, regular.supplierId];
  });
  after(async () => {
    const report = await verifyInventory(api.core.db);
    await api.close();
    assert.equal(report.ok, true, `ledger = balance after the suite: ${JSON.stringify(report)}`);
  });

  const syringe = () => product['一次性使用无菌注射器'];
  const stent = () => product['冠状动脉药物洗脱支架系统'];
  const receipt = (body: Record<string, unknown>, cookie = keeper) =>
    api.call('POST', '/api/v1/receiving/receipts', { cookie, lang: 'en', body: { purchaseOrderId: orderId, deliveryNoteNo: 'DN-LY-0001', delivererName: '周师傅', locationId: bin['SH-01-RCV'], ...body } });
  const act = (kind: string, id: string, transition: string, cookie: string, extra: Record<string, unknown> = {}) =>
    api.call('POST', `/api/v1/receiving/${kind}/${id}/${transition}`, { cookie, lang: 'en', body: extra });
  const balance = async (query: Record<string, string>) =>
    (await api.call('GET', `/api/v1/inventory/balances?${new URLSearchParams(query)}`, { cookie: keeper })).json().items as { quantity: string; status: string; locationCode: string; serial: string }[];
  const where = async (query: Record<string, string>) => (await balance(query)).map((r) => [r.locationCode, r.status, r.serial || r.quantity]).sort();

  let happy: { id: string; lines: { id: string; lot: string; productId: string }[] };

  test('CN-REC-02 / CN-UDI-03: scanned goods are received into 待验 at the receiving bin, the inspector is notified', async () => {
    const pallet = sscc('06901234000000001');
    const created = await receipt({
      lines: [
        { scans: [gs1(SYRINGE_DI, '280630', '2411A')], quantity: '1000', deliveryNoteExpiry: '2028-06-30' },
        { scans: ['S0001', 'S0002', 'S0003'].map((s) => gs1(STENT_DI, '270630', 'L25B01', s)), deliveryNoteExpiry: '2027-06-30' },
        { productId: syringe(), lot: '2411B', expiry: '2028-07-31', quantity: '50' },
      ],
      aggregations: [{ sscc: pallet, serials: ['S0001', 'S0002', 'S0003'] }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const draft = created.json();
    assert.equal(draft.status, 'draft');
    assert.deepEqual(draft.flags, []);
    assert.deepEqual(draft.lines.map((l: { quantity: string; serialCount: number }) => [l.quantity, l.serialCount]), [['1000.000', 0], ['3.000', 3], ['50.000', 0]]);
    assert.equal(draft.receiverName, '刘保管');
    const posted = await act('receipts', draft.id, 'receive', keeper);
    assert.equal(posted.statusCode, 200, posted.body);
    assert.equal(posted.json().status, 'received');
    happy = posted.json();
    assert.deepEqual(await where({ productId: syringe(), lot: '2411A' }), [['SH-01-RCV', 'quarantine', '1000.000']]);
    assert.deepEqual(await where({ productId: stent(), lot: 'L25B01' }), [['SH-01-RCV', 'quarantine', 'S0001'], ['SH-01-RCV', 'quarantine', 'S0002'], ['SH-01-RCV', 'quarantine', 'S0003']]);
    const event = (await api.core.db.query<{ biz_step: string; disposition: string; biz_transactions: unknown }>('SELECT biz_step, disposition, biz_transactions FROM inventory.event WHERE id = $1', [posted.json().eventId])).rows[0];
    assert.equal(event.biz_step, 'receiving');
    assert.equal(event.disposition, 'in_progress');
    assert.deepEqual(event.biz_transactions, [{ type: 'po', bizTransaction: posted.json().purchaseOrderNo }, { type: 'desadv', bizTransaction: 'DN-LY-0001' }]);
    const notice = await api.core.db.query(`SELECT 1 FROM platform.outbox WHERE event_type = 'receiving.goods_receipt.received'`);
    assert.equal(notice.rowCount, 1);
  });

  test('EPCIS-05: an SSCC pallet traces to its units and a unit back to its pallet', async () => {
    const pallet = sscc('06901234000000001');
    const down = (await api.call('GET', `/api/v1/receiving/aggregation?sscc=${pallet}`, { cookie: head })).json();
    assert.deepEqual(down.units.map((u: { serial: string }) => u.serial), ['S0001', 'S0002', 'S0003']);
    const up = (await api.call('GET', `/api/v1/receiving/aggregation?productId=${stent()}&serial=S0002`, { cookie: head })).json();
    assert.deepEqual(up.containers.map((c: { sscc: string }) => c.sscc), [pallet]);
  });

  test('CN-UDI-03: a scanned DI that is not the ordered product is flagged and blocks posting', async () => {
    const created = await receipt({ lines: [{ scans: [gs1(MASK_DI, '280630', 'M1')], quantity: '10' }, { productId: syringe(), lot: '2411C', quantity: '5', expiry: '2028-06-30', deliveryNoteExpiry: '2028-05-31', serials: ['a b'] }] });
    assert.equal(created.statusCode, 201, created.body);
    const codes = created.json().flags.map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`);
    assert.ok(codes.includes('WRONG_DI:block'), codes.join());
    assert.ok(codes.includes('EXPIRY_MISMATCH:warn'), codes.join());
    const posted = await act('receipts', created.json().id, 'receive', keeper);
    assert.equal(posted.statusCode, 422);
    assert.equal(posted.json().code, 'RECEIPT_BLOCKED');
    assert.equal(posted.json().requirement, 'CN-UDI-03');
    assert.equal((await act('receipts', created.json().id, 'cancel', keeper, { reason: '扫错货品' })).statusCode, 200);
  });

  test('bad input is a 4xx or a flag, never a 500: unknown fields, a repeated serial, a repeated SSCC entry', async () => {
    const unknown = await receipt({ lines: [{ productId: syringe(), lot: 'X', quantity: '1', colour: 'red' }] });
    assert.equal(unknown.statusCode, 400);
    const box = sscc('06901234000000002');
    const repeated = await receipt({
      lines: [{ productId: stent(), lot: 'L25B09', expiry: '2027-06-30', serials: ['S0901', 'S0901', 'S0902'] }],
      aggregations: [{ sscc: box, serials: ['S0901', 'S0901'] }, { sscc: box, serials: ['S0902'] }],
    });
    assert.equal(repeated.statusCode, 201, repeated.body);
    assert.deepEqual(repeated.json().flags.map((f: { code: string }) => f.code), ['DUPLICATE_SERIAL']);
    assert.equal(repeated.json().lines[0].serialCount, 2);
    assert.equal((await act('receipts', repeated.json().id, 'receive', keeper)).statusCode, 422);
    assert.equal((await act('receipts', repeated.json().id, 'cancel', keeper, { reason: '重复扫描' })).statusCode, 200);
  });

  test('CN-REC-01: over-receipt against the order line is flagged and blocked', async () => {
    const created = await receipt({ lines: [{ productId: syringe(), lot: '2411D', expiry: '2028-06-30', quantity: '2001' }] });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().flags[0].code, 'OVER_RECEIPT');
    const posted = await act('receipts', created.json().id, 'receive', keeper);
    assert.equal(posted.statusCode, 422);
    assert.equal(posted.json().requirement, 'CN-REC-01');
    assert.equal((await balance({ productId: syringe(), lot: '2411D' })).length, 0);
  });

  test('CN-SYS-07 / CN-QUAL-01: an unqualified supplier is blocked at receipt, also for a draft written while it was qualified', async () => {
    const draft = (await receipt({ lines: [{ productId: syringe(), lot: '2411E', expiry: '2028-06-30', quantity: '5' }] })).json();
    const licences = (await api.call('GET', `/api/v1/master-data/parties/${supplierId}/licences`, { cookie: qa })).json().items;
    const operating = licences.find((l: { type: string }) => l.type === 'operating_licence');
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    assert.equal((await api.call('PATCH', `/api/v1/master-data/licences/${operating.id}`, { cookie: qa, body: { validTo: yesterday, reason: '许可证已到期' } })).statusCode, 200);
    try {
      const fresh = await receipt({ lines: [{ productId: syringe(), lot: '2411E', expiry: '2028-06-30', quantity: '5' }] });
      assert.equal(fresh.statusCode, 422);
      assert.equal(fresh.json().code, 'QUALIFICATION_BLOCKED');
      const posted = await act('receipts', draft.id, 'receive', keeper);
      assert.equal(posted.statusCode, 422);
      assert.equal(posted.json().code, 'QUALIFICATION_BLOCKED');
      assert.equal(posted.json().requirement, 'CN-SYS-07');
    } finally {
      await api.call('PATCH', `/api/v1/master-data/licences/${operating.id}`, { cookie: qa, body: { validTo: operating.validTo, reason: '换发新证' } });
    }
    assert.equal((await act('receipts', draft.id, 'cancel', keeper, { reason: '资质问题，退回' })).statusCode, 200);
  });

  test('CN-SYS-01: stock never accepted cannot be released: not by putaway, not by the keeper, not twice', async () => {
    const putaway = await api.call('POST', '/api/v1/receiving/putaways', {
      cookie: keeper, body: { toLocationId: bin['SH-01-A-01-01'], items: [{ productId: syringe(), lot: '2411A', quantity: '1', fromLocationId: bin['SH-01-RCV'] }] },
    });
    assert.equal(putaway.statusCode, 409);
    assert.equal(putaway.json().code, 'INSUFFICIENT_STOCK');
    const byKeeper = await api.call('POST', '/api/v1/receiving/acceptances', { cookie: keeper, body: { receiptId: happy.id, lines: [{ receiptLineId: happy.lines[0].id, verdict: 'accepted' }] } });
    assert.equal(byKeeper.statusCode, 403);
    const transfer = await api.call('POST', '/api/v1/inventory/transfers', {
      cookie: keeper, body: { status: 'released', toLocationId: bin['SH-01-A-01-01'], items: [{ productId: syringe(), lot: '2411A', locationId: bin['SH-01-RCV'], quantity: 1 }] },
    });
    assert.equal(transfer.statusCode, 409);
    assert.deepEqual(await where({ productId: syringe(), lot: '2411A' }), [['SH-01-RCV', 'quarantine', '1000.000']]);
  });

  test('CN-ACC-02: a rejection without defects and disposition is refused with the field', async () => {
    const [syr, st, rej] = happy.lines;
    const response = await api.call('POST', '/api/v1/receiving/acceptances', {
      cookie: qa, lang: 'en', body: { receiptId: happy.id, lines: [{ receiptLineId: syr.id, verdict: 'accepted' }, { receiptLineId: st.id, verdict: 'accepted' }, { receiptLineId: rej.id, verdict: 'rejected' }] },
    });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json().errors.map((e: { path: string }) => e.path), ['lines.2.defects', 'lines.2.disposition']);
  });

  test('CN-ACC-01 / F-CN-5: the signed acceptance releases accepted stock; the rejected lot and serial go to 不合格 with defect and disposition', async () => {
    const [syr, st, rej] = happy.lines;
    const created = await api.call('POST', '/api/v1/receiving/acceptances', {
      cookie: qa, body: {
        receiptId: happy.id, lines: [
          { receiptLineId: syr.id, verdict: 'accepted', acceptedQuantity: '990', defects: '10 支外包装破损', disposition: 'return_to_supplier' },
          { receiptLineId: st.id, verdict: 'accepted', rejectedSerials: [{ serial: 'S0003', defect: '标签模糊' }], disposition: 'return_to_supplier' },
          { receiptLineId: rej.id, verdict: 'rejected', defects: '无合格证明文件', disposition: 'destroy' },
        ],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const record = created.json();
    assert.equal(record.inspector, '李质管');
    assert.deepEqual(record.allowedActions, ['accept', 'cancel'], 'the inspector who wrote the record is offered the signature');
    assert.deepEqual(record.lines.map((l: { verdict: string; acceptedQuantity: string }) => [l.verdict, l.acceptedQuantity]), [['partial', '990.000'], ['partial', '2.000'], ['rejected', '0.000']]);
    const unsigned = await act('acceptances', record.id, 'accept', qa);
    assert.equal(unsigned.statusCode, 400);
    const byOther = await act('acceptances', record.id, 'accept', head, { signature: sign('approved') });
    assert.equal(byOther.statusCode, 403);
    const signed = await act('acceptances', record.id, 'accept', qa, { signature: sign('approved') });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(signed.json().status, 'accepted');
    assert.equal(signed.json().signatures[0].meaning, 'approved');
    assert.equal(signed.json().signatures[0].valid, true);
    assert.deepEqual(await where({ productId: syringe(), lot: '2411A' }), [['SH-01-RCV', 'released', '990.000'], ['SH-01-REJ', 'rejected', '10.000']]);
    assert.deepEqual(await where({ productId: syringe(), lot: '2411B' }), [['SH-01-REJ', 'rejected', '50.000']]);
    assert.deepEqual(await where({ productId: stent(), lot: 'L25B01' }), [['SH-01-RCV', 'released', 'S0001'], ['SH-01-RCV', 'released', 'S0002'], ['SH-01-REJ', 'rejected', 'S0003']]);
    const again = await api.call('POST', '/api/v1/receiving/acceptances', { cookie: qa, body: { receiptId: happy.id, lines: [{ receiptLineId: syr.id, verdict: 'accepted' }] } });
    assert.equal(again.statusCode, 409);
  });

  test('US-P11-07: the printed acceptance record shows each signer\'s printed name, time and meaning', async () => {
    const [record] = (await api.call('GET', `/api/v1/receiving/acceptances?receiptId=${happy.id}&status=accepted`, { cookie: qa })).json().items;
    const detail = (await api.call('GET', `/api/v1/receiving/acceptances/${record.id}`, { cookie: qa })).json();
    const [signature] = detail.signatures;
    // What is printed: the document definition, built by a pure function from the stored record.
    const view = {
      company: { name: '上海示例医疗器械有限公司', nameEn: null }, number: detail.number, status: 'accepted', acceptanceDate: detail.acceptanceDate,
      receiptNo: detail.receiptNo, purchaseOrderNo: detail.purchaseOrderNo, purchaseDate: detail.purchaseDate,
      supplier: { name: detail.supplierName, address: detail.supplierAddress, contact: detail.supplierContact }, inspector: detail.inspector,
      lines: detail.lines.map((l: Record<string, unknown>) => ({ ...l, serials: [], quantity: String(l.quantity), acceptedQuantity: String(l.acceptedQuantity), rejectedQuantity: String(l.rejectedQuantity) })),
      signatures: [{ signerName: signature.signerName, signedAt: new Date(signature.signedAt), meaning: signature.meaning, contentHash: 'c0ffee'.repeat(10) + 'abcd', valid: true }],
      printedAt: new Date(),
    };
    const printed = JSON.stringify(buildAcceptanceRecordDefinition(view));
    for (const column of F_CN_5_COLUMNS) assert.ok(printed.includes(JSON.stringify(column)), `column ${column}`);
    assert.ok(printed.includes('进货查验记录 / Acceptance record'));
    assert.ok(printed.includes('"李质管"'), 'the printed name of the signer');
    assert.ok(printed.includes(formatSignedAt(new Date(signature.signedAt))), 'the signing time');
    assert.match(formatSignedAt(new Date('2026-11-25T23:57:03Z')), /^2026-11-26 07:57:03 Asia\/Shanghai \(UTC\+08:00\)$/);
    assert.ok(printed.includes('批准 / Approved'), 'the meaning in Chinese and English');
    assert.ok(printed.includes('c0ffee'.repeat(10) + 'abcd'), 'the content hash');
    assert.ok(printed.includes(detail.supplierName) && printed.includes(detail.supplierAddress) && printed.includes(detail.supplierContact));
    assert.ok(printed.includes('10 支外包装破损') && printed.includes('S0003: 标签模糊') && printed.includes('退货 Return to supplier'));
    // The rendered file: a PDF with the CJK font embedded, its SHA-256 in the header.
    const pdf = await api.call('GET', `/api/v1/receiving/acceptances/${record.id}/record.pdf`, { cookie: qa });
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const bytes = pdf.rawPayload;
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(bytes.length > 10_000, `${bytes.length} bytes`);
    assert.ok(bytes.includes('NotoSansCJKsc-Regular') && bytes.includes('/FontFile'), 'the CJK font is embedded');
    assert.equal(pdf.headers['x-content-sha256'], createHash('sha256').update(bytes).digest('hex'));
    const missing = await api.call('GET', '/api/v1/receiving/acceptances/acc_nope/record.pdf', { cookie: qa });
    assert.equal(missing.statusCode, 404);
    const salesDenied = await api.call('GET', `/api/v1/receiving/acceptances/${record.id}/record.pdf`, { cookie: await api.login('sales') });
    assert.equal(salesDenied.statusCode, 403);
  });

  test('CN-ACC-01: a record missing an F-CN-5 field (expiry) cannot be signed; the error names the field', async () => {
    const created = (await receipt({ lines: [{ productId: syringe(), lot: 'NOEXP1', quantity: '10' }] })).json();
    assert.equal((await act('receipts', created.id, 'receive', keeper)).statusCode, 200);
    const record = (await api.call('POST', '/api/v1/receiving/acceptances', { cookie: qa, body: { receiptId: created.id, lines: [{ receiptLineId: created.lines[0].id, verdict: 'accepted' }] } })).json();
    const signed = await act('acceptances', record.id, 'accept', qa, { signature: sign('approved') });
    assert.equal(signed.statusCode, 422);
    assert.equal(signed.json().code, 'ACCEPTANCE_INCOMPLETE');
    assert.equal(signed.json().requirement, 'CN-ACC-01');
    assert.deepEqual(signed.json().errors.map((e: { path: string }) => e.path), ['lines.0.expiry']);
    assert.deepEqual(await where({ productId: syringe(), lot: 'NOEXP1' }), [['SH-01-RCV', 'quarantine', '10.000']]);
  });

  test('CN-REC-03: a cold-chain excursion is recorded, goes to 不合格 and cannot be accepted', async () => {
    const created = await receipt({
      coldChain: { transportMode: 'refrigerated_vehicle', readings: [{ at: '2026-11-25T08:00:00+08:00', celsius: 12 }], departedAt: '2026-11-25T08:00:00+08:00', arrivedAt: '2026-11-25T14:00:00+08:00', arrivalTemperature: 28 },
      lines: [{ scans: [gs1(STENT_DI, '270630', 'L25B02', 'S0101')] }],
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json().flags.map((f: { code: string }) => f.code), ['COLD_CHAIN_EXCURSION']);
    assert.equal((await act('receipts', created.json().id, 'receive', keeper)).statusCode, 200);
    assert.deepEqual(await where({ productId: stent(), lot: 'L25B02' }), [['SH-01-REJ', 'rejected', 'S0101']]);
    const accept = await api.call('POST', '/api/v1/receiving/acceptances', { cookie: qa, lang: 'en', body: { receiptId: created.json().id, lines: [{ receiptLineId: created.json().lines[0].id, verdict: 'accepted' }] } });
    assert.equal(accept.statusCode, 422);
    assert.equal(accept.json().requirement, 'CN-REC-03');
  });

  test('CN-INV-06 / F-CN-7: putaway refuses a bin whose conditions do not match; released stock lands in storage with its UDI', async () => {
    const stents = { productId: stent(), lot: 'L25B01', serials: ['S0001', 'S0002'], fromLocationId: bin['SH-01-RCV'] };
    const wrong = await api.call('POST', '/api/v1/receiving/putaways', { cookie: keeper, lang: 'en', body: { toLocationId: bin['SH-01-A-01-01'], items: [stents] } });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().requirement, 'CN-INV-06');
    const right = await api.call('POST', '/api/v1/receiving/putaways', { cookie: keeper, body: { toLocationId: bin['SH-01-A-02-01'], items: [stents] } });
    assert.equal(right.statusCode, 201, right.body);
    assert.equal(right.json().lines[0].udiDi, STENT_DI);
    const syringes = await api.call('POST', '/api/v1/receiving/putaways', {
      cookie: keeper, body: { toLocationId: bin['SH-01-A-01-01'], items: [{ productId: syringe(), lot: '2411A', quantity: '990', fromLocationId: bin['SH-01-RCV'] }] },
    });
    assert.equal(syringes.statusCode, 201, syringes.body);
    assert.deepEqual(await where({ productId: syringe(), lot: '2411A' }), [['SH-01-A-01-01', 'released', '990.000'], ['SH-01-REJ', 'rejected', '10.000']]);
    assert.deepEqual(await where({ productId: stent(), lot: 'L25B01' }), [['SH-01-A-02-01', 'released', 'S0001'], ['SH-01-A-02-01', 'released', 'S0002'], ['SH-01-REJ', 'rejected', 'S0003']]);
    const event = (await api.core.db.query<{ biz_step: string }>('SELECT biz_step FROM inventory.event WHERE id = $1', [syringes.json().eventId])).rows[0];
    assert.equal(event.biz_step, 'storing');
  });
});
