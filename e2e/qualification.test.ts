/**
 * Browser tests of 首营与资质 (issue 4): a product qualification file goes from draft through a second
 * QA person's signed review to the QA head's signed approval; the qualification check explains a block
 * in Chinese with its requirement ID; the dashboard shows expiring and expired licences.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../apps/server/src/testing/test-server.ts';
import { assertWebBuilt, choose, clickInDialog, fillProductForm, launchBrowser, login, logout, openSession, randomGtin14, settle, shot, waitForText, type Session } from './helpers.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/;

/** A small one-page PDF: the server checks the %PDF signature. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Renders a label sample (Chinese text) to a PNG, as a scanned label would be. */
async function labelPng(s: Session, name: string, udiDi: string): Promise<Buffer> {
  const page = await s.context.newPage();
  await page.setContent(
    `<div id="label" style="width:360px;padding:14px;border:2px solid #222;font-family:'Noto Sans CJK SC',sans-serif;background:#fff">
       <div style="font-size:18px;font-weight:700">${name}</div>
       <div style="font-size:13px;margin-top:6px">规格：5ml　灭菌方式：环氧乙烷</div>
       <div style="font-size:13px">注册证编号：国械注准20153150315</div>
       <div style="font-family:monospace;font-size:14px;margin-top:8px;letter-spacing:1px">(01)${udiDi}(17)290630(10)A2406</div>
     </div>`,
  );
  const png = await page.locator('#label').screenshot({ type: 'png' });
  await page.close();
  return png;
}

/** Whole days between the day the demo data was seeded (UTC, as the server counts) and the server's today. */
async function demoAgeDays(page: Page): Promise<number> {
  const expiry = (await (await page.request.get('/api/v1/qualification/expiry?days=90')).json()) as { today: string };
  const parties = (await (await page.request.get('/api/v1/master-data/parties', { params: { q: '深圳迈瑞' } })).json()) as { items: Array<{ createdAt: string }> };
  const seeded = parties.items[0]!.createdAt.slice(0, 10);
  return Math.round((Date.parse(`${expiry.today}T00:00:00Z`) - Date.parse(`${seeded}T00:00:00Z`)) / 86_400_000);
}

describe('首营与资质 (zh-CN)', () => {
  let server: Server;
  let browser: Browser;
  let s: Session;
  let productPath = '';
  let filePath = '';
  const suffix = Date.now().toString(36).toUpperCase();
  const udiDi = randomGtin14();
  const product = {
    name: `一次性使用无菌注射器 首营-${suffix}`,
    model: '5ml',
    categoryCode: '14-01-01',
    deviceClass: 'III' as const,
    registrant: '山东威高集团医用高分子制品股份有限公司',
    registrationNo: '国械注准20153150315',
    registrationValidTo: '2030-12-31',
    udiDi,
    tracking: 'lot_serial' as const,
    storageTempMin: '2',
    storageTempMax: '30',
    shelfLifeDays: '1095',
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

  test('CN-QUAL-02 / US-P11-07: a product file goes from draft through QA review to the QA head’s signed approval', async () => {
    const { page } = s;
    const label = await labelPng(s, product.name, udiDi);

    // 1. The QA officer records the product with its registration scan and label image.
    await page.goto('/login');
    await login(page, 'qa');
    await waitForText(page.getByTestId('current-user'), '李质管');
    await page.getByTestId('menu-products').click();
    await page.getByTestId('product-new').click();
    await page.getByTestId('product-form-name').waitFor();
    await fillProductForm(page, product);
    await page.getByTestId('product-form-registrationFileId-input').setInputFiles({ name: '注册证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('product-form-registrationFileId-link').waitFor();
    await page.getByTestId('product-form-labelFileId-input').setInputFiles({ name: '标签样稿.png', mimeType: 'image/png', buffer: label });
    await page.getByTestId('product-form-labelFileId-link').waitFor();
    await waitForText(page.getByTestId('product-form-labelFileId-link'), '标签样稿.png');
    await shot(page, 'qual-01-product-form-files');
    await page.getByTestId('product-form-submit').click();
    await page.getByTestId('product-detail').waitFor();
    productPath = new URL(page.url()).pathname;
    await waitForText(page.getByTestId('product-status'), '草稿');
    await waitForText(page.getByTestId('product-file-status'), '未建档');
    // the label image is shown inline, the registration PDF as a link
    const labelView = page.getByTestId('product-label-file');
    await labelView.waitFor();
    assert.equal(await labelView.getAttribute('data-mime'), 'image/png');
    await labelView.locator('img').waitFor();
    assert.equal(await page.getByTestId('product-registration-file').getAttribute('data-mime'), 'application/pdf');
    await page.getByTestId('product-section-documents').scrollIntoViewIfNeeded();
    await shot(page, 'qual-02-product-detail');

    // 2. It opens the product's qualification file: nothing is missing, so it can be submitted.
    await page.getByTestId('tab-files').click();
    await page.getByTestId('file-create-product').click();
    await page.getByTestId('file-detail').waitFor();
    filePath = new URL(page.url()).pathname;
    assert.match(filePath, /^\/qualification\/files\/qf_\w+$/);
    await waitForText(page.getByTestId('file-status'), '草稿');
    await waitForText(page.getByTestId('file-title'), product.name);
    assert.equal(await page.getByTestId('file-missing').count(), 0, 'a complete product file lists nothing missing');
    await page.getByTestId('action-submit').click();
    await clickInDialog(page, 'submit-confirm');
    await waitForText(page.getByTestId('file-status'), '待审核');

    // The author cannot be the reviewer (segregation of duties): the server refuses the signature.
    if ((await page.getByTestId('action-review').count()) > 0) {
      await page.getByTestId('action-review').click();
      await page.getByTestId('signature-password').fill('Custodia#2026');
      await clickInDialog(page, 'signature-confirm');
      await waitForText(page.getByTestId('signature-error').getByTestId('problem-code'), 'SELF_APPROVAL');
      await shot(page, 'qual-03-self-review-refused');
      await page.getByTestId('signature-cancel').click();
      await waitForText(page.getByTestId('file-status'), '待审核');
    }
    await logout(page);

    // 3. A second QA person reviews with an electronic signature (meaning: 审核).
    await login(page, 'inspector');
    await page.goto(filePath);
    await waitForText(page.getByTestId('file-status'), '待审核');
    await page.getByTestId('action-review').click();
    const review = page.getByTestId('signature-dialog-body');
    await review.waitFor();
    await waitForText(review.getByTestId('signature-signer'), '张验收');
    await waitForText(review.locator('.ant-select'), '审核');
    await page.getByTestId('signature-reason').fill('资料与原件核对一致');
    await page.getByTestId('signature-password').fill('Custodia#2026');
    await shot(page, 'qual-04-review-signature');
    await clickInDialog(page, 'signature-confirm');
    await waitForText(page.getByTestId('file-status'), '待批准');
    assert.equal(await page.getByTestId('action-approve').count(), 0, 'a QA inspector cannot approve');
    await logout(page);

    // 4. The QA head approves with an electronic signature (meaning: 批准).
    await login(page, 'qahead');
    await page.goto('/qualification');
    const inboxItem = page.locator(`[data-testid="inbox-item"][data-document="qualification.file"]`);
    await inboxItem.first().waitFor();
    await page.goto(filePath);
    await waitForText(page.getByTestId('file-status'), '待批准');
    await page.getByTestId('action-approve').click();
    const approve = page.getByTestId('signature-dialog-body');
    await approve.waitFor();
    await waitForText(approve.getByTestId('signature-signer'), '王质量');
    await waitForText(approve.locator('.ant-select'), '批准');
    await page.getByTestId('signature-password').fill('Custodia#2026');
    await clickInDialog(page, 'signature-confirm');
    await waitForText(page.getByTestId('file-status'), '已批准');

    // Both signature manifestations: printed name, date and time, meaning.
    const items = page.getByTestId('file-signatures').getByTestId('signature-manifest-item');
    await items.nth(1).waitFor();
    assert.equal(await items.count(), 2);
    const byMeaning = async (meaning: string) => page.getByTestId('file-signatures').locator(`[data-testid="signature-manifest-item"][data-meaning="${meaning}"]`);
    const reviewed = await byMeaning('reviewed');
    assert.equal(await reviewed.getByTestId('signature-signer-name').innerText(), '张验收');
    assert.equal(await reviewed.getByTestId('signature-meaning-tag').innerText(), '审核');
    assert.match(await reviewed.getByTestId('signature-signed-at').innerText(), DATE_TIME);
    assert.equal(await reviewed.getAttribute('data-valid'), 'true');
    const approved = await byMeaning('approved');
    assert.equal(await approved.getByTestId('signature-signer-name').innerText(), '王质量');
    assert.equal(await approved.getByTestId('signature-meaning-tag').innerText(), '批准');
    assert.match(await approved.getByTestId('signature-signed-at').innerText(), DATE_TIME);
    assert.equal(await page.getByTestId('action-approve').count(), 0);
    await page.getByTestId('signature-dialog-body').waitFor({ state: 'detached' });
    await shot(page, 'qual-05-file-approved');

    // The audit trail of the file holds the review and the approval with their signatures.
    await page.getByTestId('tab-audit').click();
    const history = page.getByTestId('audit-history');
    await history.waitFor();
    await history.locator('[data-testid="audit-entry"][data-command="qualification.file.review"]').waitFor();
    await waitForText(history.locator('[data-testid="audit-entry"][data-command="qualification.file.review"]').getByTestId('audit-entry-reason'), '资料与原件核对一致');
    await history.locator('[data-testid="audit-entry"][data-command="qualification.file.approve"]').waitFor();

    // The product list shows the product's file as approved.
    await page.goto(`/master-data/products?q=${encodeURIComponent(suffix)}`);
    const row = page.locator('tr', { has: page.locator(`[data-testid="product-link"]`) }).filter({ hasText: suffix });
    await waitForText(row.getByTestId('row-file-status'), '已批准');
    await shot(page, 'qual-06-product-list');
    assert.ok(productPath.startsWith('/master-data/products/'));
    await logout(page);
  });

  test('CN-QUAL-03: a blocked qualification check shows the reason in Chinese', async () => {
    const { page } = s;
    await login(page, 'purchaser');
    await page.getByTestId('menu-qualification-check').click();
    await page.getByTestId('check-page').waitFor();
    await choose(page, 'check-party', '深圳迈瑞生物医疗电子股份有限公司');
    // the demo product (model 5ml 带针), not the one the previous test created
    await choose(page, 'check-product', '一次性使用无菌注射器 5ml 带针');
    await page.getByTestId('check-submit').click();

    const result = page.getByTestId('check-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-decision'), 'block');
    assert.equal((await page.getByTestId('check-decision').innerText()).replace(/\s/g, ''), '拦截');
    const reason = page.locator('[data-testid="check-reason"][data-requirement="CN-QUAL-03"]');
    await reason.waitFor();
    const message = await reason.getByTestId('check-reason-message').innerText();
    assert.match(message, /授权/);
    assert.match(message, /[\u4e00-\u9fff]/);
    assert.match(message, /深圳迈瑞生物医疗电子股份有限公司/);
    assert.equal(await reason.getByTestId('check-reason-requirement').innerText(), 'CN-QUAL-03');
    await waitForText(reason.getByTestId('check-reason-rule'), 'supplier_authorisation_covers · v1');
    // the facts behind the decision are one click away
    await reason.getByTestId('check-reason-facts-toggle').click();
    await waitForText(reason.getByTestId('check-reason-facts'), '"letters": []');
    await shot(page, 'qual-07-check-blocked');
    assert.deepEqual([...new Set(s.apiLanguages)], ['zh-CN']);
    await logout(page);
  });

  test('CN-SYS-08: the dashboard shows the licence expiring in 20 days and the expired hospital licence', async () => {
    const { page } = s;
    await login(page, 'qahead');
    await page.getByTestId('menu-qualification-dashboard').click();
    await page.getByTestId('qualification-dashboard').waitFor();
    const table = page.getByTestId('expiry-table');
    await table.waitFor();

    // The demo licences run out 20 days after / expired 10 days before the day the demo data was
    // seeded. The test harness reuses a seeded database template (keyed by the code, not the date),
    // so count the template's age: with a fresh template this is exactly 20 and 10 days.
    const age = await demoAgeDays(page);
    const left = 20 - age;
    const ago = 10 + age;
    assert.ok(left >= 0 && left <= 30, `the demo template is ${age} days old: rebuild it to test the 20-day warning`);

    const expiring = table.locator('[data-testid="expiry-row"][data-number="粤食药监械生产许20010001号"]');
    await expiring.waitFor();
    assert.equal(await expiring.getAttribute('data-days'), String(left));
    assert.equal(await expiring.getAttribute('data-expired'), 'false');
    const soon = expiring.getByTestId('expiry-row-badge');
    assert.equal(await soon.getAttribute('data-level'), 'within30');
    assert.equal(await soon.innerText(), `剩 ${left} 天`);
    await waitForText(expiring.getByTestId('expiry-row-subject'), '深圳迈瑞生物医疗电子股份有限公司');

    const expired = table.locator('[data-testid="expiry-row"][data-number="PDY00002933010217A1001"]');
    await expired.waitFor();
    assert.equal(await expired.getAttribute('data-expired'), 'true');
    const gone = expired.getByTestId('expiry-row-badge');
    assert.equal(await gone.getAttribute('data-level'), 'expired');
    assert.equal(await gone.innerText(), `已过期 ${ago} 天`);
    await waitForText(expired.getByTestId('expiry-row-subject'), '杭州市第一人民医院');

    assert.ok(Number(await page.getByTestId('dashboard-card-expired').getAttribute('data-value')) >= 1);
    assert.ok(Number(await page.getByTestId('dashboard-card-within30').getAttribute('data-value')) >= 1);
    await shot(page, 'qual-08-dashboard');

    // the licence number leads to the party's licences tab, with the same badge
    await expiring.getByTestId('expiry-row-link').click();
    await page.getByTestId('licences').waitFor();
    const licence = page.locator('[data-testid="licence-row"][data-type="production_licence"]');
    await waitForText(licence.getByTestId('licence-expiry'), `剩 ${left} 天`);
    await shot(page, 'qual-09-party-licences');
    assert.deepEqual(s.pageErrors, []);
  });
});
