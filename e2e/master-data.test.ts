/**
 * Browser tests of the master-data approval flow (产品首营审核): a QA inspector drafts, edits and
 * submits a product; the QA head approves it with an electronic signature; the record shows the
 * signature manifestation and its audit history. Once in Chinese, once in English.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../apps/server/src/testing/test-server.ts';
import { assertWebBuilt, fillProductForm, launchBrowser, login, logout, openSession, randomGtin14, shot, waitForText, type Session } from './helpers.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/;

describe('master data approval flow (zh-CN)', () => {
  let server: Server;
  let browser: Browser;
  let s: Session;
  let productPath = '';
  const suffix = Date.now().toString(36).toUpperCase();
  const product = {
    name: `一次性使用无菌注射器 E2E-${suffix}`,
    model: '5ml',
    categoryCode: '14-01-01',
    deviceClass: 'III' as const,
    registrant: '山东威高集团医用高分子制品股份有限公司',
    registrationNo: '国械注准20153150315',
    registrationValidTo: '2030-12-31',
    udiDi: randomGtin14(),
    tracking: 'lot_serial' as const,
    storageTempMin: '2',
    storageTempMax: '8',
    shelfLifeDays: '730',
    reason: '新品首营资料录入',
  };

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

  test('the UI starts in Simplified Chinese and sends Accept-Language: zh-CN', async () => {
    const { page } = s;
    await page.goto('/');
    await page.getByTestId('login-username').waitFor();
    assert.equal(await page.getByTestId('login-submit').innerText().then((t) => t.replace(/\s/g, '')), '登录');
    await shot(page, 'zh-01-login');
    await login(page, 'qa');
    await waitForText(page.getByTestId('current-user'), '李质管');
    assert.ok(s.apiLanguages.length > 0);
    assert.deepEqual([...new Set(s.apiLanguages)], ['zh-CN']);
  });

  test('CN-SYS-05: a QA inspector creates a product draft; client validation mirrors the server', async () => {
    const { page } = s;
    await page.getByTestId('menu-products').click();
    await page.getByTestId('product-table').waitFor();
    await page.getByTestId('product-new').click();
    await page.getByTestId('product-form-name').waitFor();
    await shot(page, 'zh-02-product-form');

    // A UDI-DI that is not 14 digits is refused before anything is sent.
    await page.getByTestId('product-form-udiDi').fill('123');
    await page.getByTestId('product-form-submit').click();
    await waitForText(page.locator('.ant-form-item-explain-error'), 'UDI-DI 必须是 14 位数字');
    await waitForText(page.locator('.ant-form-item-explain-error'), '请填写产品名称');

    await fillProductForm(page, product);
    await page.getByTestId('product-form-submit').click();
    await page.getByTestId('product-detail').waitFor();
    productPath = new URL(page.url()).pathname;
    assert.match(productPath, /^\/master-data\/products\/[\w-]+$/);
    await waitForText(page.getByTestId('product-status'), '草稿');
    await waitForText(page.getByTestId('product-title'), product.name);
    await waitForText(page.getByTestId('product-field-udiDi'), product.udiDi);
    assert.match(await page.getByTestId('product-number').innerText(), /^PRD-/);
  });

  test('US-P11-02 / CN-SYS-16: editing a draft needs a reason and the audit history keeps the previous value', async () => {
    const { page } = s;
    await page.getByTestId('action-update').click();
    await page.getByTestId('product-form-model').waitFor();
    assert.equal(await page.getByTestId('product-form-model').inputValue(), '5ml');
    await page.getByTestId('product-form-model').fill('5ml 带针');
    await page.getByTestId('product-form-submit').click();
    await waitForText(page.locator('.ant-form-item-explain-error'), '请填写原因');
    await page.getByTestId('product-form-reason').fill('更正规格型号');
    await page.getByTestId('product-form-submit').click();
    await page.getByTestId('product-detail').waitFor();
    await waitForText(page.getByTestId('product-section-basic'), '5ml 带针');

    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit-history').waitFor();
    const update = page.locator('[data-testid="audit-entry"][data-command="master_data.product.update"]');
    await update.waitFor();
    const change = update.locator('[data-testid="audit-change"][data-field="model"]');
    assert.equal(await change.getByTestId('audit-change-before').innerText(), '5ml');
    assert.equal(await change.getByTestId('audit-change-after').innerText(), '5ml 带针');
    await waitForText(update.getByTestId('audit-entry-reason'), '更正规格型号');
    await waitForText(update.getByTestId('audit-entry-actor'), '李质管');
    await page.getByTestId('tab-details').click();
  });

  test('CN-SYS-05: the QA inspector submits the product for review', async () => {
    const { page } = s;
    await page.getByTestId('action-submit').click();
    await page.getByTestId('submit-reason').fill('资料齐全，提交质量负责人审核');
    await page.getByTestId('submit-confirm').click();
    await waitForText(page.getByTestId('product-status'), '待审核');
    await shot(page, 'zh-03-submitted');
  });

  test('US-P11-05 / CN-SYS-02: the QA inspector cannot approve and sees no administration menu', async () => {
    const { page } = s;
    assert.equal(await page.getByTestId('action-approve').count(), 0);
    assert.equal(await page.getByTestId('action-update').count(), 0, 'a submitted record is no longer editable');
    assert.equal(await page.getByTestId('menu-users').count(), 0);
    assert.equal(await page.getByTestId('menu-webhooks').count(), 0);
    await logout(page);
  });

  test('US-P11-10: a wrong signing password is refused with its code and requirement, and the session stays open', async () => {
    const { page } = s;
    await login(page, 'qahead');
    await page.goto(productPath);
    await waitForText(page.getByTestId('product-status'), '待审核');
    await page.getByTestId('action-approve').click();
    await page.getByTestId('signature-password').fill('not-my-password');
    await page.getByTestId('signature-confirm').click();
    await waitForText(page.getByTestId('signature-error'), '电子签名验证失败');
    await waitForText(page.getByTestId('signature-error').getByTestId('problem-code'), 'SIGNATURE_INVALID');
    await waitForText(page.getByTestId('signature-error').getByTestId('problem-requirement'), 'US-P11-10');
    await shot(page, 'zh-04-signature-wrong-password');
    assert.equal(await page.getByTestId('signature-password').inputValue(), '', 'the password is cleared after a failure');
    await page.getByTestId('signature-cancel').click();
    // still signed in, still on the record
    await page.getByTestId('current-user').waitFor();
    assert.equal(new URL(page.url()).pathname, productPath);
  });

  test("US-P11-07 / CN-SYS-03: approval shows the signer's printed name, time and meaning", async () => {
    const { page } = s;
    await page.getByTestId('action-approve').click();
    const dialog = page.getByTestId('signature-dialog-body');
    await dialog.waitFor();
    // the signer is the session's user and cannot be typed in
    await waitForText(dialog.getByTestId('signature-signer'), '王质量');
    assert.equal(await dialog.getByTestId('signature-signer').locator('input').count(), 0);
    await waitForText(dialog.locator('.ant-select'), '批准');
    await page.getByTestId('signature-reason').fill('首营资料审核通过');
    await page.getByTestId('signature-password').fill('Custodia#2026');
    await shot(page, 'zh-05-signature-dialog');
    await page.getByTestId('signature-confirm').click();

    await waitForText(page.getByTestId('product-status'), '已批准');
    const sig = page.getByTestId('product-signatures').getByTestId('signature-manifest-item');
    await sig.first().waitFor();
    assert.equal(await sig.count(), 1);
    assert.equal(await sig.getAttribute('data-meaning'), 'approved');
    assert.equal(await sig.getAttribute('data-valid'), 'true');
    assert.equal(await sig.getByTestId('signature-signer-name').innerText(), '王质量');
    assert.equal(await sig.getByTestId('signature-meaning-tag').innerText(), '批准');
    assert.match(await sig.getByTestId('signature-signed-at').innerText(), DATE_TIME);
    assert.equal(await page.getByTestId('action-approve').count(), 0);
    await shot(page, 'zh-06-approved');
  });

  test('US-P11-01: the audit history shows who, when, why, the signature and an unbroken hash chain', async () => {
    const { page } = s;
    await page.getByTestId('tab-audit').click();
    const history = page.getByTestId('audit-history');
    await history.waitFor();
    const chain = await history.getByTestId('audit-chain-status').getAttribute('data-status');
    assert.ok(chain === 'intact' || chain === 'pending', `chain status ${chain}`);
    const commands = await history.getByTestId('audit-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
    for (const c of ['create', 'update', 'submit', 'approve']) assert.ok(commands.includes(`master_data.product.${c}`), `missing ${c} in ${commands.join(', ')}`);
    assert.equal(commands[0], 'master_data.product.approve', 'newest entry first');

    const approve = history.locator('[data-testid="audit-entry"][data-command="master_data.product.approve"]');
    await waitForText(approve.getByTestId('audit-entry-actor'), '王质量');
    await waitForText(approve.getByTestId('audit-entry-reason'), '首营资料审核通过');
    await waitForText(approve.getByTestId('signature-signer-name'), '王质量');
    const status = approve.locator('[data-testid="audit-change"][data-field="status"]');
    assert.equal(await status.getAttribute('data-before'), 'submitted');
    assert.equal(await status.getAttribute('data-after'), 'approved');
    assert.equal(await status.getByTestId('audit-change-before').innerText(), '待审核');
    assert.equal(await status.getByTestId('audit-change-after').innerText(), '已批准');

    const create = history.locator('[data-testid="audit-entry"][data-command="master_data.product.create"]');
    await waitForText(create.getByTestId('audit-entry-reason'), product.reason);
    await waitForText(create.getByTestId('audit-entry-actor'), '李质管');
    for (const at of await history.getByTestId('audit-entry-at').allInnerTexts()) assert.match(at, DATE_TIME);
    await shot(page, 'zh-07-audit-history');
    assert.deepEqual([...new Set(s.apiLanguages)], ['zh-CN']);
    assert.deepEqual(s.pageErrors, []);
  });
});

describe('master data approval flow (en)', () => {
  let server: Server;
  let browser: Browser;
  let s: Session;
  let productPath = '';
  const suffix = Date.now().toString(36).toUpperCase();

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

  test('the language switch turns the UI to English, persists it and sends Accept-Language: en', async () => {
    const { page } = s;
    await page.goto('/login');
    await page.getByTestId('lang-switch-en').click();
    await waitForText(page.getByTestId('login-submit'), 'Sign in');
    await waitForText(page.locator('label[for="username"]'), 'Username');
    assert.equal(await page.evaluate(() => localStorage.getItem('custodia.lang')), 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    await waitForText(page.getByTestId('login-submit'), 'Sign in');

    // a problem from the server comes back in English, with its code
    s.apiLanguages.length = 0;
    await page.getByTestId('login-username').fill('qa');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    assert.match(await page.getByTestId('login-error').innerText(), /[A-Za-z]/);
    assert.doesNotMatch(await page.getByTestId('login-error-detail').innerText(), /[\u4e00-\u9fff]/);
    await shot(page, 'en-01-login-error');

    await login(page, 'qa');
    await waitForText(page.getByTestId('menu-products'), 'Products');
    await waitForText(page.getByTestId('app-menu'), 'Master data');
    await waitForText(page.getByTestId('api-docs-link'), 'API docs');
    assert.deepEqual([...new Set(s.apiLanguages)], ['en']);
  });

  test('CN-SYS-05: in English a QA inspector creates and submits a product', async () => {
    const { page } = s;
    await page.getByTestId('menu-products').click();
    await page.getByTestId('product-new').click();
    await waitForText(page.locator('label[for="udiDi"]'), 'UDI-DI (GTIN-14)');
    await fillProductForm(page, {
      name: `Sterile single-use syringe E2E-${suffix}`,
      model: '10 ml luer lock',
      categoryCode: '14-01',
      deviceClass: 'II',
      registrant: 'Shandong Weigao Group Medical Polymer Co., Ltd.',
      registrationNo: '国械注准20153150316',
      registrationValidTo: '2031-06-30',
      udiDi: randomGtin14(),
      tracking: 'lot',
      storageTempMin: '5',
      storageTempMax: '30',
      shelfLifeDays: '1095',
      reason: 'New product onboarding',
    });
    await shot(page, 'en-02-product-form');
    await page.getByTestId('product-form-submit').click();
    await page.getByTestId('product-detail').waitFor();
    productPath = new URL(page.url()).pathname;
    await waitForText(page.getByTestId('product-status'), 'Draft');
    await waitForText(page.getByTestId('action-submit'), 'Submit for review');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('submit-confirm').click();
    await waitForText(page.getByTestId('product-status'), 'Submitted');
    await logout(page);
    await waitForText(page.getByTestId('login-submit'), 'Sign in');
  });

  test("US-P11-07: in English the approval shows the signer's printed name, time and meaning", async () => {
    const { page } = s;
    await login(page, 'qahead');
    await page.goto(productPath);
    await waitForText(page.getByTestId('product-status'), 'Submitted');
    await waitForText(page.getByTestId('action-approve'), 'Approve');
    await page.getByTestId('action-approve').click();
    const dialog = page.getByTestId('signature-dialog-body');
    await waitForText(dialog, 'Signer');
    await waitForText(dialog.getByTestId('signature-signer'), '王质量');
    await waitForText(dialog.locator('.ant-select'), 'Approved');
    await page.getByTestId('signature-password').fill('Custodia#2026');
    await shot(page, 'en-03-signature-dialog');
    await page.getByTestId('signature-confirm').click();

    await waitForText(page.getByTestId('product-status'), 'Approved');
    const sig = page.getByTestId('product-signatures').getByTestId('signature-manifest-item');
    await sig.first().waitFor();
    assert.equal(await sig.getByTestId('signature-signer-name').innerText(), '王质量');
    assert.equal(await sig.getByTestId('signature-meaning-tag').innerText(), 'Approved');
    assert.match(await sig.getByTestId('signature-signed-at').innerText(), DATE_TIME);
    await waitForText(page.getByTestId('product-signatures'), 'Electronic signatures');
    await shot(page, 'en-04-approved');
  });

  test('US-P11-01: in English the audit history tab lists the approval with its signature', async () => {
    const { page } = s;
    await waitForText(page.getByTestId('tab-audit'), 'Audit trail');
    await page.getByTestId('tab-audit').click();
    const history = page.getByTestId('audit-history');
    await history.waitFor();
    await waitForText(history.getByTestId('audit-chain-status'), /Hash chain (intact|pending)/);
    const approve = history.locator('[data-testid="audit-entry"][data-command="master_data.product.approve"]');
    await waitForText(approve, 'Changed');
    await waitForText(approve.getByTestId('signature-meaning-tag'), 'Approved');
    await waitForText(history.locator('[data-testid="audit-entry"][data-command="master_data.product.create"]').getByTestId('audit-entry-reason'), 'New product onboarding');
    await shot(page, 'en-05-audit-history');
    assert.deepEqual([...new Set(s.apiLanguages)], ['en']);
    assert.deepEqual(s.pageErrors, []);
  });
});
