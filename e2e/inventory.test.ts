/**
 * Browser tests of 库存 (inventory): the keeper puts a stent serial on hold for a quality doubt
 * (CN-INV-04), the stock list shows it as 暂控, and the stock card of the serial shows its history.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../apps/server/src/testing/test-server.ts';
import { assertWebBuilt, clickInDialog, launchBrowser, login, openSession, settle, shot, waitForText, type Session } from './helpers.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('库存 (zh-CN)', () => {
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

  test('CN-INV-04: a keeper puts stock on hold for a quality doubt and it shows as 暂控', async () => {
    const { page } = s;
    await page.goto('/login');
    await login(page, 'keeper');
    await page.getByTestId('menu-stock').click();
    await page.getByTestId('stock-table').waitFor();

    // The stent serial ST0001, 合格 in its bin.
    await page.getByTestId('stock-filter-serial').locator('input').fill('ST0001');
    await page.getByTestId('stock-filter-serial').locator('input').press('Enter');
    const row = page.locator('[data-testid="stock-row"][data-serial="ST0001"]');
    await row.waitFor();
    await waitForText(row.getByTestId('stock-row-status'), '合格');
    assert.equal(await row.getByTestId('stock-row-status').getAttribute('data-status'), 'released');
    assert.equal(await page.locator('[data-testid="stock-row"]').count(), 1);

    // A release is QA's decision: the keeper has no such button; the hold needs a selection.
    assert.equal(await page.getByTestId('action-release').count(), 0);
    assert.equal(await page.getByTestId('action-hold').isDisabled(), true);
    await row.locator('.ant-checkbox-input').check();
    await page.getByTestId('action-hold').click();
    await page.getByTestId('hold-reason').waitFor();
    // A serial is one unit: its quantity is fixed.
    assert.equal(await page.getByTestId('hold-qty-0').isDisabled(), true);
    await page.getByTestId('hold-reason').fill('外包装破损，疑似灭菌屏障受损');
    await shot(page, 'inv-01-hold-dialog');
    await clickInDialog(page, 'hold-confirm');

    const held = page.locator('[data-testid="stock-row"][data-serial="ST0001"][data-status="hold"]');
    await held.waitFor();
    await waitForText(held.getByTestId('stock-row-status'), '暂控');
    assert.equal(await page.locator('[data-testid="stock-row"][data-serial="ST0001"][data-status="released"]').count(), 0);
    await shot(page, 'inv-02-held');

    // The 暂控 filter lists it too.
    await page.goto('/inventory/stock');
    await page.getByTestId('stock-filter-status').click();
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '暂控' }).first();
    await option.waitFor();
    await settle(option);
    await option.click();
    await page.locator('[data-testid="stock-row"][data-serial="ST0001"][data-status="hold"]').waitFor();
    assert.equal(await page.locator('[data-testid="stock-row"]:not([data-status="hold"])').count(), 0);
  });

  test('the stock card of a stent serial shows its history', async () => {
    const { page } = s;
    await page.goto('/inventory/stock');
    await page.getByTestId('stock-filter-serial').locator('input').fill('ST0001');
    await page.getByTestId('stock-filter-serial').locator('input').press('Enter');
    const row = page.locator('[data-testid="stock-row"][data-serial="ST0001"]');
    await row.waitFor();
    await row.getByTestId('stock-card-link').click();

    await page.getByTestId('stock-card').waitFor();
    await waitForText(page.getByTestId('card-product'), '冠状动脉药物洗脱支架系统');
    assert.equal(await page.getByTestId('card-serial').innerText(), 'ST0001');
    assert.equal(await page.getByTestId('card-lot').innerText(), 'L24A07');
    const rows = page.getByTestId('card-row');
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3);
    // opening balance (stock take, +1 合格), then the hold: −1 合格, +1 暂控 by 刘保管 with the reason
    assert.equal(await rows.nth(0).getAttribute('data-step'), 'cycle_counting');
    assert.equal(await rows.nth(0).getByTestId('card-quantity').innerText(), '+1');
    await waitForText(rows.nth(0).getByTestId('card-step'), '盘点');
    assert.equal(await rows.nth(1).getAttribute('data-step'), 'holding');
    assert.equal(await rows.nth(1).getByTestId('card-quantity').innerText(), '-1');
    assert.equal(await rows.nth(1).getByTestId('card-status').innerText(), '合格');
    assert.equal(await rows.nth(2).getByTestId('card-quantity').innerText(), '+1');
    assert.equal(await rows.nth(2).getByTestId('card-status').innerText(), '暂控');
    assert.equal(await rows.nth(2).getByTestId('card-actor').innerText(), '刘保管');
    assert.equal(await rows.nth(2).getByTestId('card-source').innerText(), '质量疑问暂控');
    assert.match(await rows.nth(2).getByTestId('card-reason').innerText(), /外包装破损/);
    await shot(page, 'inv-03-stock-card');

    assert.deepEqual([...new Set(s.apiLanguages)], ['zh-CN']);
    assert.deepEqual(s.pageErrors, []);
  });
  test('CN-INV-01: a transfer into a bin that does not take the status is refused and explained', async () => {
    const { page } = s;
    await page.goto('/inventory/stock');
    await page.getByTestId('stock-filter-lot').locator('input').fill('2405001');
    await page.getByTestId('stock-filter-lot').locator('input').press('Enter');
    const row = page.locator('[data-testid="stock-row"][data-lot="2405001"][data-status="released"]');
    await row.waitFor();
    await row.locator('.ant-checkbox-input').check();
    await page.getByTestId('action-transfer').click();
    await page.getByTestId('transfer-qty-0').fill('10');
    await page.getByTestId('transfer-to').click();
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'SH-01-QRT' }).first();
    await option.waitFor();
    await settle(option);
    await option.click();
    await clickInDialog(page, 'transfer-confirm');
    const error = page.getByTestId('transfer-error');
    await error.waitFor();
    await waitForText(error.getByTestId('problem-code'), 'MOVEMENT_REFUSED');
    await waitForText(error.getByTestId('problem-requirement'), 'CN-INV-01');
    assert.equal(await page.getByTestId('transfer-error-explain').getAttribute('data-requirement'), 'CN-INV-01');
    await shot(page, 'inv-04-transfer-refused');
    await page.getByTestId('transfer-cancel').click();
    await waitForText(row.getByTestId('stock-row-quantity'), '500');
  });
});
