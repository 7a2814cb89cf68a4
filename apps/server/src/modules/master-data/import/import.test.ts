import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createTestApi, type TestApi } from '../../../testing/http.ts';
import { coerceCell } from './cells.ts';
import { columnsByKind, headerText, productColumns, type ImportKind } from './columns.ts';
import { gudidRecords, mapGudidDevice } from './gudid-map.ts';
import { parseXml, XmlError } from './gudid-xml.ts';
import { zipProblem } from './zip-guard.ts';

const FIXTURES = new URL('./test-fixtures/accessgudid/', import.meta.url);
const fixtureText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixture = (name: string) => JSON.parse(fixtureText(name)) as Record<string, any>;

type Row = Record<string, unknown>;

/** An .xlsx in memory: the kind's template header (or the given header) and the rows, by field. */
async function workbook(kind: ImportKind, rows: Row[], header?: string[]): Promise<Buffer> {
  const columns = columnsByKind[kind];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('data');
  sheet.addRow(header ?? columns.map(headerText));
  for (const row of rows) sheet.addRow(columns.map((c) => (row[c.field] === undefined ? null : row[c.field]) as ExcelJS.CellValue));
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const base64 = async (kind: ImportKind, rows: Row[], header?: string[]) => (await workbook(kind, rows, header)).toString('base64');

async function openXlsx(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

const product = (n: number, extra: Row = {}): Row => ({
  name: `导入测试产品${n}`, model: `M-${n}`, registrant: '导入测试注册人', registrationNo: `国械注准2024315${String(n).padStart(4, '0')}`,
  deviceClass: '第二类', categoryCode: '14-01', tracking: '批号', registrationValidTo: new Date(Date.UTC(2030, 0, 31)),
  storageTempMin: 2, storageTempMax: 8, implantable: '否', ...extra,
});

describe('import: pure rules', () => {
  test('cells: flags, dates and GTINs are read the way a user types them', () => {
    const spec = (field: string) => productColumns.find((c) => c.field === field)!;
    assert.deepEqual(coerceCell(spec('implantable'), '是'), { ok: true, value: true });
    assert.equal(coerceCell(spec('implantable'), 'maybe').ok, false);
    assert.deepEqual(coerceCell(spec('registrationValidTo'), '2030/1/5'), { ok: true, value: '2030-01-05' });
    assert.deepEqual(coerceCell(spec('registrationValidTo'), new Date(Date.UTC(2030, 0, 5))), { ok: true, value: '2030-01-05' });
    assert.deepEqual(coerceCell(spec('tracking'), '批号+序列号'), { ok: true, value: 'lot_serial' });
    // A DI typed into a General cell loses its leading zero; GTIN-13 is stored as 14 digits (US-GUDID-01).
    assert.deepEqual(coerceCell(spec('udiDi'), 6901234567809), { ok: true, value: '06901234567809' });
    assert.equal(coerceCell(spec('name'), 123456789012345678).ok, false);
  });

  test('the ZIP guard refuses what is not an .xlsx before exceljs inflates it', () => {
    assert.match(zipProblem(Buffer.from('%PDF-1.7 hello'))!, /not a ZIP/);
    assert.match(zipProblem(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))!, /\.xls/);
    assert.match(zipProblem(Buffer.alloc(0))!, /empty/);
  });

  test('GUDID XML: a DOCTYPE (entity expansion) is refused', () => {
    assert.throws(() => parseXml('<!DOCTYPE d [<!ENTITY x "y">]><device>&x;</device>'), /DOCTYPE/);
    assert.throws(() => parseXml('<device><a></device>'), XmlError);
  });

  test('US-GUDID-01: the vendored AccessGUDID fixtures are the conformance corpus copies', (t) => {
    const shared = new URL('../../../../../../../shared/conformance/accessgudid-fixtures/', import.meta.url);
    if (!existsSync(shared)) return t.skip('shared/conformance not present');
    for (const name of ['json_devices_lookup_by_device_identifier_code.json', 'json_devices_lookup_by_public_record_key_code.json', 'json_devices_history_by_public_record_key_code.json']) {
      assert.equal(fixtureText(name), readFileSync(new URL(name, shared), 'utf8'), name);
    }
  });

  test('US-GUDID-01: the lookup JSON and the history XML of one device map to the same draft', () => {
    const options = { deviceClass: 'II' as const, categoryCode: '04-13' };
    const fromJson = gudidRecords(fixture('json_devices_lookup_by_public_record_key_code.json'));
    const fromXml = gudidRecords(fixture('json_devices_history_by_public_record_key_code.json'));
    assert.ok('records' in fromJson && 'records' in fromXml, 'both documents hold a record');
    assert.equal(fromXml.records[0].source, 'xml');
    const a = mapGudidDevice(fromJson.records[0], options);
    const b = mapGudidDevice(fromXml.records[0], options);
    assert.ok('draft' in a && 'draft' in b, 'both map to a draft');
    assert.deepEqual(b.draft.product, a.draft.product);
    assert.equal(b.draft.product.registrant, 'Smith & Nephew, Inc.');
    assert.equal(b.draft.product.udiDi, '03596010535344');
  });
});

describe('import and export over HTTP', () => {
  let api: TestApi;
  let qa: string;
  before(async () => {
    api = await createTestApi();
    qa = await api.login('qa');
  });
  after(() => api.close());

  const count = async (sql: string, params: unknown[] = []) => (await api.core.db.query<{ n: number }>(sql, params)).rows[0].n;
  const productCount = () => count('SELECT count(*)::int AS n FROM master_data.product');
  const post = (kind: string, body: Record<string, unknown>, cookie = qa, lang?: string) =>
    api.call('POST', `/api/v1/master-data/import/${kind}`, { cookie, body, lang });

  test('CN-SYS-05: an import by a non-QA role is refused, audited (CN-SYS-02), and writes nothing', async () => {
    const purchaser = await api.login('purchaser');
    const before = await productCount();
    const response = await post('products', { fileBase64: await base64('products', [product(900)]), reason: '批量首营' }, purchaser);
    assert.equal(response.statusCode, 403, response.body);
    assert.equal(response.json().requirement, 'CN-SYS-02');
    assert.equal(await productCount(), before);
    const denial = (await api.core.db.query<{ input: { permission: string } }>(
      `SELECT input FROM audit.command_log WHERE command = 'audit.access.denied' ORDER BY at DESC, id DESC LIMIT 1`,
    )).rows[0];
    assert.equal(denial.input.permission, 'master_data.import.apply');
  });

  test('the template of each kind opens in exceljs: header with Chinese and field names, an example row, drop-down lists', async () => {
    for (const kind of ['products', 'parties', 'licences'] as const) {
      const response = await api.call('GET', `/api/v1/master-data/import/templates/${kind}.xlsx`, { cookie: qa });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /spreadsheetml/);
      const sheet = (await openXlsx(response.rawPayload)).worksheets[0];
      const header = (sheet.getRow(1).values as string[]).slice(1);
      assert.deepEqual(header, columnsByKind[kind].map(headerText));
      assert.equal(sheet.actualRowCount, 2, 'header and one example row');
    }
    const products = (await openXlsx((await api.call('GET', '/api/v1/master-data/import/templates/products.xlsx', { cookie: qa })).rawPayload)).worksheets[0];
    assert.equal(products.getCell('A1').value, '*产品名称 name');
    assert.deepEqual(products.getCell('E2').dataValidation.formulae, ['"第一类,第二类,第三类"']);
    // The unchanged template imports nothing: its example row is skipped.
    const response = await post('products', { fileBase64: (await api.call('GET', '/api/v1/master-data/import/templates/products.xlsx', { cookie: qa })).rawPayload.toString('base64'), reason: '模板' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().code, 'IMPORT_FILE_EMPTY');
  });

  test('CN-SYS-16: a good file imports every row as a draft numbered from the series, with audit trail and created events', async () => {
    const rows = [product(1, { udiDi: '06901234567816' }), product(2), product(3, { udiDi: '6901234567823' })];
    const response = await post('products', { fileBase64: await base64('products', rows), reason: '首营批量导入' });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.deepEqual({ rows: result.rows, accepted: result.accepted, rejected: result.rejected, errors: result.errors }, { rows: 3, accepted: 3, rejected: 0, errors: [] });
    assert.deepEqual(result.created.map((c: { row: number }) => c.row), [2, 3, 4]);
    const ids = result.created.map((c: { id: string }) => c.id);
    const stored = (await api.core.db.query<{ id: string; number: string; status: string; version: number; udi_di: string | null; created_by: string; registration_valid_to: string; device_class: string; tracking: string }>(
      'SELECT id, number, status, version, udi_di, created_by, registration_valid_to, device_class, tracking FROM master_data.product WHERE id = ANY($1) ORDER BY number', [ids],
    )).rows;
    assert.equal(stored.length, 3);
    for (const row of stored) {
      assert.match(row.number, /^PRD-\d{4}-\d{6}$/);
      assert.equal(row.status, 'draft');
      assert.equal(row.version, 1);
      assert.equal(row.registration_valid_to, '2030-01-31');
      assert.equal(row.device_class, 'II');
      assert.equal(row.tracking, 'lot');
    }
    assert.deepEqual(stored.map((r) => r.udi_di).sort(), ['06901234567816', '06901234567823', null].sort());
    // One command, one transaction: every row change and every event belongs to the import's log entry.
    const log = (await api.core.db.query<{ id: string; reason: string; actor_name: string; changes_count: number }>(
      `SELECT id, reason, actor_name, changes_count FROM audit.command_log WHERE command = 'master_data.import.apply' ORDER BY at DESC, id DESC LIMIT 1`,
    )).rows[0];
    assert.equal(log.reason, '首营批量导入');
    assert.equal(log.actor_name, '李质管');
    assert.equal(await count(`SELECT count(*)::int AS n FROM audit.row_change WHERE command_id = $1 AND table_name = 'master_data.product' AND op = 'INSERT' AND row_id = ANY($2)`, [log.id, ids]), 3);
    assert.equal(await count(`SELECT count(*)::int AS n FROM platform.outbox WHERE command_id = $1 AND event_type = 'master_data.product.created'`, [log.id]), 3);
    const history = await api.call('GET', `/api/v1/audit/history?table=master_data.product&id=${ids[0]}`, { cookie: qa });
    assert.equal(history.statusCode, 200, history.body);
    assert.equal(history.json().chain.status, 'intact');
    assert.deepEqual(history.json().entries.map((e: { op: string; reason: string }) => [e.op, e.reason]), [['INSERT', '首营批量导入']]);
  });

  test('all_or_nothing: one bad row refuses the file with 422 IMPORT_REJECTED naming row and column; nothing is written', async () => {
    const before = { products: await productCount(), log: await api.commandCount() };
    const rows = [product(10), product(11, { categoryCode: '十四' }), product(12)];
    const response = await post('products', { fileBase64: await base64('products', rows), mode: 'all_or_nothing', reason: '导入' }, qa, 'en');
    assert.equal(response.statusCode, 422, response.body);
    const problem = response.json();
    assert.equal(problem.code, 'IMPORT_REJECTED');
    assert.match(problem.detail, /Nothing was imported: 1 of 3 rows/);
    assert.deepEqual({ rows: problem.facts.rows, accepted: problem.facts.accepted, rejected: problem.facts.rejected }, { rows: 3, accepted: 2, rejected: 1 });
    assert.deepEqual(problem.facts.errors.map((e: Row) => [e.row, e.column, e.field]), [[3, 'F', 'categoryCode']]);
    assert.equal(problem.errors[0].path, 'rows.3.categoryCode');
    assert.equal(await productCount(), before.products);
    assert.equal(await api.commandCount(), before.log);
  });

  test('partial: the good rows are imported, the bad ones are reported by row, column and field', async () => {
    const before = await productCount();
    const rows = [
      product(20), product(21, { deviceClass: '第四类' }), product(22, { name: null }), product(23, { implantable: '也许' }),
      product(24, { storageTempMin: 9, storageTempMax: 3 }), product(25, { udiDi: '06901234567808' }), product(26),
    ];
    const response = await post('products', { fileBase64: await base64('products', rows), mode: 'partial', reason: '部分导入' });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.deepEqual({ rows: result.rows, accepted: result.accepted, rejected: result.rejected }, { rows: 7, accepted: 2, rejected: 5 });
    assert.deepEqual(result.created.map((c: Row) => c.row), [2, 8]);
    const located = result.errors.map((e: Row) => `${e.row}:${e.column}:${e.field}`);
    // The same schema as the create command: enum, required text, cross-field rules, GS1 check digit (GS1-01).
    assert.deepEqual(located, ['3:E:deviceClass', '4:A:name', '5:X:implantable', '6:Q:storageTempMax', '7:N:udiDi']);
    assert.match(result.errors[4].message, /check digit/);
    assert.equal(await productCount(), before + 2);
  });

  test('duplicates inside the file and against the database are refused row by row', async () => {
    const party = (n: number, creditCode: string): Row => ({ name: `导入单位${n}`, kinds: '供货单位、生产企业', creditCode, address: '上海市示例路1号', region: '31', regulatorReportFlag: '否' });
    const rows = [
      party(1, '91310000MA1FL0AA1A'), party(2, '91310000MA1FL0BB1B'), party(3, '91310000MA1FL0AA1A'),
      party(4, '91310115MA1H7ABC2X'), // a demo supplier already holds this code
    ];
    const response = await post('parties', { fileBase64: await base64('parties', rows), mode: 'partial', reason: '首营企业导入' });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.deepEqual({ accepted: result.accepted, rejected: result.rejected }, { accepted: 1, rejected: 3 });
    const byRow = Object.fromEntries(result.errors.map((e: Row) => [e.row, e]));
    assert.match(byRow[2].message, /duplicate .*also row 4/);
    assert.match(byRow[4].message, /also row 2/);
    assert.match(byRow[5].message, /already belongs to party PTY-/);
    assert.equal(byRow[5].column, 'C');
    const kinds = (await api.core.db.query<{ kinds: string[]; status: string }>(`SELECT kinds, status FROM master_data.party WHERE credit_code = '91310000MA1FL0BB1B'`)).rows[0];
    assert.deepEqual(kinds, { kinds: ['supplier', 'manufacturer'], status: 'draft' });
    // UDI-DIs: twice in one file, and one already used by a demo product.
    const products = [product(30, { udiDi: '06901234567830' }), product(31, { udiDi: '06901234567830' }), product(32, { udiDi: '06901234567892' })];
    const refused = await post('products', { fileBase64: await base64('products', products), reason: 'UDI' });
    assert.equal(refused.statusCode, 422);
    const messages = refused.json().facts.errors.map((e: Row) => `${e.row}:${e.field}:${e.message}`);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages.find((m: string) => m.startsWith('4:'))!, /already used by product PRD-/);
  });

  test('licence rows find their party by 统一社会信用代码; an unknown code is a row error', async () => {
    const licence = (creditCode: string, number: string): Row => ({
      creditCode, type: '医疗器械经营许可证', number, issuer: '上海市药品监督管理局', scope: '07、14-01', validFrom: new Date(Date.UTC(2024, 0, 1)), validTo: '2028-12-31',
    });
    const rows = [licence('91310115MA1H7ABC2X', '沪药监械经营许20249999号'), licence('91310000MA1FL0ZZ9Z', '沪药监械经营许20248888号')];
    const response = await post('licences', { fileBase64: await base64('licences', rows), mode: 'partial', reason: '证照导入' });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.equal(result.accepted, 1);
    assert.deepEqual(result.errors.map((e: Row) => [e.row, e.column, e.field]), [[3, 'A', 'creditCode']]);
    const stored = (await api.core.db.query<{ party_id: string; scope: string[]; valid_from: string; active: boolean }>(
      'SELECT party_id, scope, valid_from, active FROM master_data.licence WHERE number = $1', ['沪药监械经营许20249999号'],
    )).rows[0];
    const party = (await api.core.db.query<{ id: string }>(`SELECT id FROM master_data.party WHERE credit_code = '91310115MA1H7ABC2X'`)).rows[0];
    assert.deepEqual(stored, { party_id: party.id, scope: ['07', '14-01'], valid_from: '2024-01-01', active: true });
    // The same licence again is a duplicate of the recorded one.
    const again = await post('licences', { fileBase64: await base64('licences', [rows[0]]), reason: '重复' });
    assert.equal(again.statusCode, 422);
    assert.match(again.json().facts.errors[0].message, /already recorded/);
  });

  test('bad input is a 400 in both languages, never a 500: not an xlsx, malformed Base64, empty sheet, wrong headers, too many rows', async () => {
    const before = { products: await productCount(), log: await api.commandCount() };
    const expect = async (body: Record<string, unknown>, code: string, detail: RegExp, lang?: string) => {
      const response = await post('products', { reason: '坏文件', ...body }, qa, lang);
      assert.equal(response.statusCode, 400, response.body);
      assert.match(String(response.headers['content-type']), /problem\+json/);
      assert.equal(response.json().code, code);
      assert.match(response.json().detail, detail);
    };
    await expect({ fileBase64: Buffer.from('%PDF-1.7\n这不是表格').toString('base64') }, 'IMPORT_FILE_INVALID', /不是有效的 Excel 工作簿/);
    await expect({ fileBase64: Buffer.from('%PDF-1.7').toString('base64') }, 'IMPORT_FILE_INVALID', /not a valid Excel workbook/, 'en');
    await expect({ fileBase64: 'this is *not* base64!' }, 'IMPORT_FILE_INVALID', /Base64/);
    // A ZIP that is not a workbook (an .xlsx with its parts removed).
    const notWorkbook = await workbook('products', [product(40)]);
    await expect({ fileBase64: notWorkbook.subarray(0, notWorkbook.length - 30).toString('base64') }, 'IMPORT_FILE_INVALID', /Excel/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('空');
    await expect({ fileBase64: Buffer.from((await empty.xlsx.writeBuffer()) as ArrayBuffer).toString('base64') }, 'IMPORT_FILE_EMPTY', /没有数据行/);
    await expect({ fileBase64: await base64('products', []) }, 'IMPORT_FILE_EMPTY', /no data rows/, 'en');
    const wrongHeader = ['产品名称 name', '颜色 colour', '规格型号 model'];
    const bad = await post('products', { fileBase64: await base64('products', [product(41)], wrongHeader), reason: 'x' }, qa, 'en');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'IMPORT_BAD_HEADER');
    assert.match(bad.json().detail, /B1 “颜色 colour”: 未知列 \/ unknown column/);
    assert.match(bad.json().detail, /required column missing/);
    await expect({ fileBase64: await base64('products', Array.from({ length: 5001 }, (_, i) => product(1000 + i))) }, 'IMPORT_TOO_MANY_ROWS', /最多 5000 行/);
    // The envelope is checked too: the reason is required, the kind and mode are closed lists.
    const noReason = await post('products', { fileBase64: await base64('products', [product(42)]) });
    assert.equal(noReason.json().code, 'REASON_REQUIRED');
    assert.equal((await post('widgets', { fileBase64: 'AAAA', reason: 'x' })).statusCode, 400);
    assert.equal((await post('products', { fileBase64: 'AAAA', mode: 'some', reason: 'x' })).statusCode, 400);
    assert.deepEqual({ products: await productCount(), log: await api.commandCount() }, before);
  });

  test('exports open in exceljs: Chinese headers, the list filters, dates as dates, a footer naming who exported when', async () => {
    const seeded = await post('products', { fileBase64: await base64('products', [product(50, { name: '导出测试产品甲' }), product(51, { name: '导出测试产品乙' })]), reason: '导出测试' });
    assert.equal(seeded.statusCode, 200, seeded.body);
    const response = await api.call('GET', `/api/v1/master-data/products/export.xlsx?q=${encodeURIComponent('导出测试产品')}&status=draft`, { cookie: qa });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-disposition']), /products-\d{8}\.xlsx/);
    const sheet = (await openXlsx(response.rawPayload)).worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    assert.equal(header[0], '编号 number');
    assert.equal(header[2], '产品名称 name');
    const names: string[] = [];
    const footers: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      if (row.getCell(1).value === '导出人 Exported by') footers.push(row);
      else names.push(String(row.getCell(3).value));
    });
    assert.deepEqual(names.sort(), ['导出测试产品乙', '导出测试产品甲'].sort());
    assert.equal(names.length, 2);
    const validTo = header.indexOf('注册证有效期至 registrationValidTo') + 1;
    assert.ok(sheet.getRow(2).getCell(validTo).value instanceof Date, 'dates are Excel dates');
    assert.equal(footers.length, 1, 'one footer row');
    const footer = footers[0];
    assert.equal(footer.getCell(2).value, '李质管（qa）');
    assert.ok(footer.getCell(4).value instanceof Date, 'exported at is a date');
    assert.ok(Math.abs((footer.getCell(4).value as Date).getTime() - Date.now()) < 60_000, 'server time');
    assert.match(String(footer.getCell(6).value), /q=导出测试产品; status=draft/);
    assert.equal(footer.getCell(8).value, names.length);

    const parties = await api.call('GET', '/api/v1/master-data/parties/export.xlsx?status=approved', { cookie: await api.login('purchaser') });
    assert.equal(parties.statusCode, 200, parties.body);
    const partySheet = (await openXlsx(parties.rawPayload)).worksheets[0];
    const statuses: unknown[] = [];
    partySheet.eachRow((row, n) => void (n > 1 && row.getCell(1).value !== '导出人 Exported by' && statuses.push(row.getCell(2).value)));
    const approved = await count(`SELECT count(*)::int AS n FROM master_data.party WHERE status = 'approved'`);
    assert.ok(approved > 0, 'demo data has approved parties');
    assert.deepEqual(statuses, Array(approved).fill('已批准'));
    assert.equal(partySheet.getCell('E1').value, '统一社会信用代码 creditCode');

    const party = (await api.core.db.query<{ id: string }>(`SELECT id FROM master_data.party WHERE credit_code = '91310115MA1H7ABC2X'`)).rows[0];
    const recorded = await api.call('POST', `/api/v1/master-data/parties/${party.id}/licences`, { cookie: qa, body: {
      type: 'operating_licence', number: '沪药监械经营许20220001号', issuer: '上海市药品监督管理局', scope: ['07'], validFrom: '2022-01-01', validTo: '2026-12-31',
    } });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const licences = await api.call('GET', `/api/v1/master-data/parties/${party.id}/licences/export.xlsx`, { cookie: qa });
    assert.equal(licences.statusCode, 200, licences.body);
    const licenceSheet = (await openXlsx(licences.rawPayload)).worksheets[0];
    const numbers: unknown[] = [];
    licenceSheet.eachRow((row, n) => void (n > 1 && numbers.push(row.getCell(3).value)));
    assert.ok(numbers.includes('沪药监械经营许20220001号'), numbers.join());
    assert.equal(licenceSheet.getCell('A2').value, '91310115MA1H7ABC2X');
    assert.ok(licenceSheet.getCell('F2').value instanceof Date, 'validFrom is a date');
    assert.equal((await api.call('GET', '/api/v1/master-data/parties/pty_missing/licences/export.xlsx', { cookie: qa })).statusCode, 404);
  });

  test('US-GUDID-01: an AccessGUDID record becomes a product draft with a 14-digit DI', async () => {
    const document = fixture('json_devices_lookup_by_device_identifier_code.json');
    const response = await api.call('POST', '/api/v1/master-data/import/gudid', { cookie: qa, body: { document, categoryCode: '13-06-02', reason: 'FDA GUDID 导入' } });
    assert.equal(response.statusCode, 201, response.body);
    const [item] = response.json().items;
    assert.equal(item.udiDi, '08717648200274');
    assert.equal(item.udiDi.length, 14);
    assert.equal(item.fdaClass, 'III');
    assert.equal(item.deviceClass, 'III');
    assert.equal(item.implantable, true);
    assert.ok(item.implantableHints.some((h: string) => /NIQ/.test(h)), item.implantableHints.join());
    const view = (await api.call('GET', `/api/v1/master-data/products/${item.id}`, { cookie: qa })).json();
    assert.equal(view.status, 'draft');
    assert.equal(view.name, 'XIENCE ALPINE XIENCE Alpine Everolimus Eluting Coronary Stent System 3.50 mm x 28 mm / Over-The-Wire');
    assert.equal(view.model, '1145350-28');
    assert.equal(view.registrant, 'ABBOTT VASCULAR INC.');
    assert.equal(view.issuingAgency, 'GS1');
    assert.equal(view.tracking, 'lot');
    assert.equal(view.registrationNo, 'GUDID:a987ddbc-beba-4ae6-a807-4727f0ecaf5d');
    assert.equal(view.categoryCode, '13-06-02');
    assert.deepEqual([Number(view.storageTempMin), Number(view.storageTempMax)], [25, 25]);
    // The same DI again is a duplicate, and nothing more is written.
    const before = await productCount();
    const again = await api.call('POST', '/api/v1/master-data/import/gudid', { cookie: qa, body: { document, categoryCode: '13-06-02', reason: '再次导入' } });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(await productCount(), before);
  });

  test('US-GUDID-01: GUDID device XML (from the device history) needs the class from the caller when the FDA class is absent', async () => {
    const history = fixture('json_devices_history_by_public_record_key_code.json');
    const xml = history.history['5'].xml as string;
    const missing = await api.call('POST', '/api/v1/master-data/import/gudid', { cookie: qa, body: { document: xml, reason: 'XML 导入' }, lang: 'en' });
    assert.equal(missing.statusCode, 400, missing.body);
    const paths = missing.json().errors.map((e: Row) => e.path);
    assert.deepEqual(paths.sort(), ['devices.0.categoryCode', 'devices.0.deviceClass']);
    const created = await api.call('POST', '/api/v1/master-data/import/gudid', { cookie: qa, body: { document: xml, deviceClass: 'II', categoryCode: '04-13', reason: 'XML 导入' } });
    assert.equal(created.statusCode, 201, created.body);
    const [item] = created.json().items;
    assert.equal(item.source, 'xml');
    assert.equal(item.udiDi, '03596010535344');
    assert.equal(item.deviceClass, 'II');
    assert.equal(item.fdaClass, null);
    assert.equal(item.registrationNo, 'GUDID:f18845df-38a8-4fc2-8d26-5cce28c8b868');
    const row = (await api.core.db.query<{ registrant: string; status: string }>('SELECT registrant, status FROM master_data.product WHERE id = $1', [item.id])).rows[0];
    assert.deepEqual(row, { registrant: 'Smith & Nephew, Inc.', status: 'draft' });
    const bad = await api.call('POST', '/api/v1/master-data/import/gudid', { cookie: qa, body: { document: '<device><brandName>x</device>', deviceClass: 'II', categoryCode: '04-13', reason: 'x' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().errors[0].message, /XML: Expected closing tag 'brandName'/);
  });

  test('US-GUDID-01: package identifiers become packaging levels (set_packaging); a GTIN-13 DI is stored as 14 digits', async () => {
    const document = fixture('json_devices_lookup_by_device_identifier_code.json');
    const device = document.gudid.device;
    device.identifiers.identifier = [
      { deviceId: '8717648201004', deviceIdType: 'Primary', deviceIdIssuingAgency: 'GS1', containsDINumber: null, pkgQuantity: null },
      { deviceId: '08717648202001', deviceIdType: 'Package', deviceIdIssuingAgency: 'GS1', containsDINumber: '8717648201004', pkgQuantity: 10, pkgType: 'Box' },
      { deviceId: '06901234567847', deviceIdType: 'Package', deviceIdIssuingAgency: 'GS1', containsDINumber: '08717648202001', pkgQuantity: 4, pkgType: 'Case' },
    ];
    device.serialNumber = true;
    device.premarketSubmissions = { premarketSubmission: [{ submissionNumber: 'P140010', supplementNumber: '001' }] };
    const response = await api.call('POST', '/api/v1/master-data/import/gudid', { cookie: qa, body: { document, deviceClass: 'III', categoryCode: '13-06-02', reason: '含包装层级' } });
    assert.equal(response.statusCode, 201, response.body);
    const [item] = response.json().items;
    assert.equal(item.udiDi, '08717648201004');
    assert.equal(item.tracking, 'lot_serial');
    assert.equal(item.registrationNo, 'P140010');
    const levels = (await api.call('GET', `/api/v1/master-data/products/${item.id}/packaging`, { cookie: qa })).json().items;
    assert.deepEqual(levels, [
      { level: 0, name: 'Unit', udiDi: '08717648201004', quantity: 1 },
      { level: 1, name: 'Box', udiDi: '08717648202001', quantity: 10 },
      { level: 2, name: 'Case', udiDi: '06901234567847', quantity: 40 },
    ]);
    // Created and packed in one command.
    const log = (await api.core.db.query<{ id: string }>(`SELECT id FROM audit.command_log WHERE command = 'master_data.import.gudid' ORDER BY at DESC, id DESC LIMIT 1`)).rows[0];
    assert.equal(await count(`SELECT count(*)::int AS n FROM audit.row_change WHERE command_id = $1 AND table_name = 'master_data.product_package'`, [log.id]), 3);
  });
});
