/**
 * Browser tests of 收货验收 (receiving): the keeper receives an approved order by scanning a GS1 barcode and
 * posts the receipt (CN-REC-02, the goods wait as 待验); the inspector records the verdict and signs the
 * acceptance (CN-ACC-01, meaning 批准); the lot is then found in stock as 合格 (released).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../apps/server/src/testing/test-server.ts';
import { assertWebBuilt, choose, clickInDialog, launchBrowser, login, logout, openSession, settle, shot, waitForText, type Session } from './helpers.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('收货验收 (zh-CN)', () => {
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

  test('CN-REC-02 / CN-ACC-01: a keeper receives by scanning, an inspector accepts with a signature, and the stock is found as released', async () => {
    const { page } = s;
    await page.goto('/login');
    await login(page, 'keeper');

    // The approved (not direct) order from 上海联影 with the syringes and stents.
    const orders = (await (await page.request.get('/api/v1/purchasing/orders?status=approved&limit=100')).json()) as {
      items: { number: string; supplierName: string; direct: boolean; lineCount: number }[];
    };
    const order = orders.items.find((o) => o.supplierName.includes('上海联影') && !o.direct && o.lineCount === 2);
    assert.ok(order, 'the demo has an approved order from 上海联影');

    // 1. The keeper opens the receiving screen, picks the order and enters the delivery note.
    await page.getByTestId('menu-receipts').click();
    await page.getByTestId('receipt-list').waitFor();
    await page.getByTestId('receipt-new').click();
    await page.getByTestId('receipt-form').waitFor();
    await choose(page, 'receipt-po', order.number);
    await waitForText(page.getByTestId('receipt-po-lines'), '一次性使用无菌注射器');
    await page.getByTestId('receipt-delivery-note').fill('DN-LY-E2E-001');
    await page.getByTestId('receipt-deliverer').fill('周师傅');

    // 2. A scan (typed as a keyboard-wedge scanner would, then Enter) adds the line with its lot and expiry.
    const scan = page.getByTestId('receipt-scan').locator('input');
    await scan.fill('(01)06901234567892(17)281231(10)LOT777');
    await scan.press('Enter');
    const line = page.locator('[data-testid="receipt-line"][data-lot="LOT777"]');
    await line.waitFor();
    assert.equal(await line.getByTestId('receipt-line-expiry').inputValue(), '2028-12-31');
    assert.equal(await line.getByTestId('receipt-line-quantity').inputValue(), '1');
    await line.getByTestId('receipt-line-quantity').fill('100');
    await shot(page, 'rec-01-scanned');

    // 3. Save: the server composes the line and shows its flags; no blocking flag, so the receipt posts.
    await page.getByTestId('receipt-save').click();
    await page.getByTestId('receipt-detail').waitFor();
    await waitForText(page.getByTestId('receipt-status'), '草稿');
    await waitForText(page.getByTestId('receipt-detail-lines'), 'LOT777');
    assert.equal(await page.locator('[data-testid="receipt-flag"][data-severity="block"]').count(), 0, 'no blocking flag');
    await page.getByTestId('action-receive').click();
    await waitForText(page.getByTestId('receipt-status'), '已收货');
    await waitForText(page.getByTestId('receipt-detail-lines'), '待验');
    const receiptUrl = new URL(page.url()).pathname;
    await shot(page, 'rec-02-received');
    // The keeper never accepts (CN-SYS-01).
    assert.equal(await page.getByTestId('receipt-accept').count(), 0);
    await logout(page);

    // 4. The inspector records the verdict and signs it (meaning 批准).
    await login(page, 'inspector');
    await page.goto(receiptUrl);
    await page.getByTestId('receipt-accept').click();
    await page.getByTestId('acceptance-form').waitFor();
    const accLine = page.locator('[data-testid="acceptance-line"][data-lot="LOT777"]');
    await accLine.waitFor();
    assert.equal(await accLine.getByTestId('acc-verdict-accepted').isChecked(), true);
    assert.equal(await accLine.getByTestId('acc-line-accepted-quantity').inputValue(), '100');
    await page.getByTestId('acceptance-save').click();
    await page.getByTestId('acceptance-detail').waitFor();
    await waitForText(page.getByTestId('acceptance-status'), '草稿');
    await page.getByTestId('acceptance-unsigned').waitFor();
    await page.getByTestId('action-accept').click();
    const dialog = page.getByTestId('signature-dialog-body');
    await dialog.waitFor();
    await waitForText(dialog.getByTestId('signature-signer'), '张验收');
    await waitForText(dialog.locator('.ant-select'), '批准');
    await page.getByTestId('signature-password').fill('Custodia#2026');
    await shot(page, 'rec-03-sign');
    await clickInDialog(page, 'signature-confirm');
    await waitForText(page.getByTestId('acceptance-status'), '已验收');
    const item = page.getByTestId('acceptance-signatures').locator('[data-testid="signature-manifest-item"][data-meaning="approved"]');
    await item.waitFor();
    assert.equal(await item.getByTestId('signature-signer-name').innerText(), '张验收');
    assert.equal(await item.getAttribute('data-valid'), 'true');
    assert.match((await page.getByTestId('acceptance-pdf').getAttribute('href')) ?? '', /\/api\/v1\/receiving\/acceptances\/[^/]+\/record\.pdf$/);

    // 5. The lot is in stock as 合格 (released), still in the receiving bin until it is put away.
    await page.getByTestId('menu-stock').click();
    await page.getByTestId('stock-table').waitFor();
    await page.getByTestId('stock-filter-lot').locator('input').fill('LOT777');
    await page.getByTestId('stock-filter-lot').locator('input').press('Enter');
    const row = page.locator('[data-testid="stock-row"][data-lot="LOT777"]');
    await row.waitFor();
    await waitForText(row.getByTestId('stock-row-status'), '合格');
    assert.equal(await row.getAttribute('data-status'), 'released');
    assert.equal(await row.getByTestId('stock-row-quantity').innerText(), '100');
    await shot(page, 'rec-04-released');
  });
  test('CN-INV-06: putaway shows why a storage bin is refused, and the right bin takes the released stock', async () => {
    const { page } = s;
    if (!page.url().includes('/login')) await logout(page);
    await login(page, 'keeper');
    const json = async (res: { json(): Promise<unknown>; status(): number; text(): Promise<string> }, status: number) => {
      assert.equal(res.status(), status, await res.text());
      return (await res.json()) as { id: string; lines: { id: string }[] };
    };
    const orders = (await (await page.request.get('/api/v1/purchasing/orders?status=approved&limit=100')).json()) as {
      items: { id: string; supplierName: string; direct: boolean; lineCount: number }[];
    };
    const order = orders.items.find((o) => o.supplierName.includes('上海联影') && !o.direct && o.lineCount === 2)!;
    const bins = (await (await page.request.get('/api/v1/inventory/locations')).json()) as { items: { id: string; code: string }[] };
    const rcv = bins.items.find((b) => b.code === 'SH-01-RCV')!.id;

    // Two stents (kept at 2–25 ℃) received and accepted through the API.
    const receipt = await json(await page.request.post('/api/v1/receiving/receipts', {
      data: {
        purchaseOrderId: order.id, deliveryNoteNo: 'DN-LY-E2E-002', delivererName: '周师傅', locationId: rcv,
        lines: [{ scans: ['(01)06923456789012(17)280630(10)L77S(21)E2E001', '(01)06923456789012(17)280630(10)L77S(21)E2E002'] }],
      },
    }), 201);
    await json(await page.request.post(`/api/v1/receiving/receipts/${receipt.id}/receive`, { data: {} }), 200);
    await logout(page);
    await login(page, 'inspector');
    const record = await json(await page.request.post('/api/v1/receiving/acceptances', { data: { receiptId: receipt.id, lines: [{ receiptLineId: receipt.lines[0].id, verdict: 'accepted' }] } }), 201);
    await json(await page.request.post(`/api/v1/receiving/acceptances/${record.id}/accept`, { data: { signature: { password: 'Custodia#2026', meaning: 'approved' } } }), 200);
    await logout(page);

    // The keeper puts the stents away: 10–30 ℃ does not fit a 2–25 ℃ product (CN-INV-06); 10–20 ℃ does.
    await login(page, 'keeper');
    await page.getByTestId('menu-putaways').click();
    await page.getByTestId('putaway-page').waitFor();
    for (const serial of ['E2E001', 'E2E002']) {
      const row = page.locator(`[data-testid="putaway-row"][data-serial="${serial}"]`);
      await row.waitFor();
      await row.locator('.ant-checkbox-input').check();
    }
    await choose(page, 'putaway-to', 'SH-01-A-01-01');
    await page.getByTestId('putaway-submit').click();
    const explain = page.getByTestId('putaway-error-explain');
    await explain.waitFor();
    assert.equal(await explain.getAttribute('data-requirement'), 'CN-INV-06');
    await shot(page, 'rec-05-putaway-refused');
    await choose(page, 'putaway-to', 'SH-01-A-02-01');
    await page.getByTestId('putaway-submit').click();
    await page.getByTestId('putaway-number').first().waitFor();
    await page.locator('[data-testid="putaway-row"][data-serial="E2E001"]').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('putaway-error').count(), 0);
  });
});
