/**
 * Browser tests of 采购 (purchasing): a purchaser drafts a purchase order with the quality and
 * after-sales clauses and submits it; a second purchaser approves it with an electronic signature
 * (four eyes); the order shows 已批准, the signature manifestation and the F-CN-4 purchase record.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../apps/server/src/testing/test-server.ts';
import { assertWebBuilt, choose, clickInDialog, launchBrowser, login, logout, openSession, settle, shot, waitForText, type Session } from './helpers.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/;

describe('采购 (zh-CN)', () => {
  let server: Server;
  let browser: Browser;
  let s: Session;

  before(async () => {
    assertWebBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
    s = await openSession(browser, server.url);
  });

  after(async () => {
    await s?.context.close();
    await browser?.close();
    await server?.close();
  });

  test('CN-PUR-01: a purchaser creates a purchase order with the quality clauses, another approves it with a signature', async () => {
    const { page } = s;
    const note = `e2e-${Date.now().toString(36)}`;

    // 1. 陈采购 drafts the order: an approved supplier, one line, the clauses (prefilled with the standard text).
    await page.goto('/login');
    await login(page, 'purchaser');
    await waitForText(page.getByTestId('current-user'), '陈采购');
    await page.getByTestId('menu-purchase-orders').click();
    await page.getByTestId('order-table').waitFor();
    await page.getByTestId('order-new').click();
    await page.getByTestId('order-form').waitFor();
    await choose(page, 'order-form-supplierId', '上海联影');
    await choose(page, 'order-form-line-0-productId', '医用外科口罩');
    await page.getByTestId('order-form-line-0-quantity').fill('200');
    await page.getByTestId('order-form-line-0-unitPrice').fill('0.455');
    // This product has no packaging levels: the server asks for the unit, on the line's field.
    await page.getByTestId('order-form-submit').click();
    await waitForText(page.getByTestId('order-form-error'), '单位');
    await page.getByTestId('order-form-line-0-unit').fill('只');
    const quality = await page.getByTestId('order-form-qualityClause').inputValue();
    assert.match(quality, /质量/);
    assert.ok((await page.getByTestId('order-form-afterSalesClause').inputValue()).length > 0);
    await page.getByTestId('order-form-note').fill(note);
    await shot(page, 'pur-01-order-form');
    await page.getByTestId('order-form-submit').click();

    await page.getByTestId('order-detail').waitFor();
    const orderPath = new URL(page.url()).pathname;
    assert.match(orderPath, /^\/purchasing\/orders\/po_\w+$/);
    await waitForText(page.getByTestId('order-status'), '草稿');
    const number = (await page.getByTestId('order-number').innerText()).trim();
    assert.match(number, /^PO-\d{4}-\d{6}$/);
    // F-CN-3 snapshot columns, the amount computed by the server (200 × 0.455 = 91.00) and the clauses.
    const lines = page.getByTestId('order-lines');
    for (const header of ['名称', '型号/规格', '注册人/备案人', '注册证编号/备案编号', '单位', '数量', '单价', '金额']) {
      await waitForText(lines.locator('th'), header);
    }
    await waitForText(lines, '医用外科口罩');
    assert.equal(await lines.getByTestId('line-amount').first().innerText(), '¥91.00');
    assert.equal(await page.getByTestId('order-total').innerText(), '¥91.00');
    assert.equal(await page.getByTestId('order-quality-clause').innerText(), quality);

    // 2. It submits the order; the author may not approve it.
    await page.getByTestId('action-submit').click();
    await clickInDialog(page, 'submit-confirm');
    await waitForText(page.getByTestId('order-status'), '待审批');
    assert.equal(await page.getByTestId('action-approve').count(), 0, 'the author cannot approve');
    await page.getByTestId('approval-rule').first().waitFor();
    await shot(page, 'pur-02-submitted');
    await logout(page);

    // 3. 何主管 approves with an electronic signature (meaning 批准).
    await login(page, 'purchaser2');
    await waitForText(page.getByTestId('current-user'), '何主管');
    await page.goto('/purchasing/orders');
    await page.getByTestId('order-search').locator('input').fill(number);
    await page.getByTestId('order-search').locator('input').press('Enter');
    const link = page.locator(`[data-testid="order-link"][data-number="${number}"]`);
    await link.waitFor();
    await waitForText(page.getByTestId('order-row-status'), '待审批');
    await link.click();
    await waitForText(page.getByTestId('order-status'), '待审批');
    await page.getByTestId('action-approve').click();
    const dialog = page.getByTestId('signature-dialog-body');
    await dialog.waitFor();
    await waitForText(dialog.getByTestId('signature-signer'), '何主管');
    await waitForText(dialog.locator('.ant-select'), '批准');
    await page.getByTestId('signature-reason').fill('价格与条款已核对');
    await page.getByTestId('signature-password').fill('Custodia#2026');
    await shot(page, 'pur-03-approve-signature');
    await clickInDialog(page, 'signature-confirm');
    await waitForText(page.getByTestId('order-status'), '已批准');

    // The signature manifestation: printed name, date and time, meaning.
    const item = page.getByTestId('order-signatures').locator('[data-testid="signature-manifest-item"][data-meaning="approved"]');
    await item.waitFor();
    assert.equal(await item.getByTestId('signature-signer-name').innerText(), '何主管');
    assert.equal(await item.getByTestId('signature-meaning-tag').innerText(), '批准');
    assert.match(await item.getByTestId('signature-signed-at').innerText(), DATE_TIME);
    assert.equal(await item.getAttribute('data-valid'), 'true');
    const rule = page.locator('[data-testid="approval-rule"][data-rule="purchase-order-approval"]');
    assert.equal(await rule.getAttribute('data-given'), '1');
    await page.getByTestId('order-approved-hint').waitFor();
    assert.ok((await page.getByTestId('action-close').count()) > 0, 'an approved order can be closed');
    await shot(page, 'pur-04-approved');

    // 4. The approved line is in the purchase record (F-CN-4).
    await page.getByTestId('menu-purchase-records').click();
    await page.getByTestId('record-search').locator('input').fill(number);
    await page.getByTestId('record-search').locator('input').press('Enter');
    await waitForText(page.getByTestId('record-order-link'), number);
    await waitForText(page.getByTestId('record-table'), '91.00');
    await shot(page, 'pur-05-record');

    assert.deepEqual([...new Set(s.apiLanguages)], ['zh-CN']);
    assert.deepEqual(s.pageErrors, []);
  });
  test('CN-QUAL-03: a supplier without an authorisation for the product is refused with the reasons in Chinese', async () => {
    const { page } = s;
    await logout(page);
    await login(page, 'purchaser');
    await page.goto('/purchasing/orders/new');
    await page.getByTestId('order-form').waitFor();
    await choose(page, 'order-form-supplierId', '深圳迈瑞');
    await choose(page, 'order-form-line-0-productId', '医用外科口罩');
    await page.getByTestId('order-form-line-0-quantity').fill('10');
    await page.getByTestId('order-form-line-0-unitPrice').fill('0.5');
    await page.getByTestId('order-form-line-0-unit').fill('只');
    await page.getByTestId('order-form-submit').click();
    const alert = page.getByTestId('order-form-error');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-code'), 'QUALIFICATION_BLOCKED');
    await waitForText(page.getByTestId('order-form-error-line'), '第 1 行');
    const reason = page.getByTestId('block-reason').first();
    assert.equal(await reason.getAttribute('data-rule'), 'supplier_authorisation_covers');
    assert.equal(await reason.getAttribute('data-requirement'), 'CN-QUAL-03');
    await waitForText(reason, '没有授权书覆盖该产品');
    await shot(page, 'pur-06-qualification-blocked');
    assert.equal(new URL(page.url()).pathname, '/purchasing/orders/new', 'nothing was saved');
    assert.deepEqual(s.pageErrors, []);
  });
});
