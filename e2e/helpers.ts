import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Custodia#2026';

/** Debian's Chromium, headless, with everything that phones home switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The server under test serves apps/web/dist; fail early with a clear message when it was not built. */
export function assertWebBuilt(): void {
  const index = fileURLToPath(new URL('../apps/web/dist/index.html', import.meta.url));
  if (!existsSync(index)) throw new Error(`${index} is missing: run "npm run build -w @custodia/web" before the e2e tests`);
}

export const SHOT_DIR = join(tmpdir(), 'custodia-e2e');

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOT_DIR, `${name}.png`) });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Accept-Language of every /api/ request the page made. */
  apiLanguages: string[];
  /** Uncaught page errors (must stay empty). */
  pageErrors: string[];
}

export async function openSession(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const apiLanguages: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/api/')) apiLanguages.push(req.headers()['accept-language'] ?? '');
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return { context, page, apiLanguages, pageErrors };
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

/** Waits until the CSS animations of the element's popup (e.g. a dropdown sliding in) have finished. */
export async function settle(locator: Locator): Promise<void> {
  await locator.evaluate(async (el) => {
    const popup = el.closest('.ant-dropdown, .ant-select-dropdown, .ant-modal, .ant-popover') ?? el;
    await Promise.all(popup.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
  });
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  const item = page.getByTestId('logout');
  await item.waitFor();
  // Clicking while the dropdown still slides in can miss the item under load.
  await settle(item);
  await item.click();
  try {
    await page.getByTestId('login-username').waitFor();
  } catch (err) {
    await shot(page, `failure-logout-${Date.now()}`).catch(() => {});
    throw new Error(`sign-out did not reach the sign-in page (at ${page.url()}): ${(err as Error).message}`);
  }
}

/** Waits until the locator's text contains `text`; on timeout saves a screenshot for diagnosis. */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor();
  } catch (err) {
    await shot(locator.page(), `failure-${Date.now()}`).catch(() => {});
    throw err;
  }
}

/** A random, valid GTIN-14 (GS1 check digit) so every run creates a distinct UDI-DI. */
export function randomGtin14(): string {
  let body = '0690';
  while (body.length < 13) body += Math.floor(Math.random() * 10);
  let sum = 0;
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) sum += Number(body[i]) * w;
  return body + ((10 - (sum % 10)) % 10);
}

export interface ProductDraft {
  name: string;
  model: string;
  categoryCode: string;
  deviceClass: 'I' | 'II' | 'III';
  registrant: string;
  registrationNo: string;
  registrationValidTo: string;
  udiDi: string;
  tracking: 'lot' | 'serial' | 'lot_serial';
  storageTempMin: string;
  storageTempMax: string;
  shelfLifeDays: string;
  reason: string;
}

/** antd radio/checkbox inputs are visually hidden: click the label that wraps the input with this test id. */
export async function pick(page: Page, testId: string): Promise<void> {
  await page.locator(`label:has([data-testid="${testId}"])`).click();
  if (!(await page.getByTestId(testId).isChecked())) throw new Error(`${testId} did not get checked`);
}

export async function fillProductForm(page: Page, p: ProductDraft): Promise<void> {
  await page.getByTestId('product-form-name').fill(p.name);
  await page.getByTestId('product-form-model').fill(p.model);
  await page.getByTestId('product-form-categoryCode').fill(p.categoryCode);
  await pick(page, `product-form-deviceClass-${p.deviceClass}`);
  await page.getByTestId('product-form-registrant').fill(p.registrant);
  await page.getByTestId('product-form-registrationNo').fill(p.registrationNo);
  const date = page.getByTestId('product-form-registrationValidTo');
  await date.click();
  await date.fill(p.registrationValidTo);
  await date.press('Enter');
  await page.getByTestId('product-form-udiDi').fill(p.udiDi);
  await pick(page, `product-form-tracking-${p.tracking}`);
  await page.getByTestId('product-form-storageTempMin').fill(p.storageTempMin);
  await page.getByTestId('product-form-storageTempMax').fill(p.storageTempMax);
  await page.getByTestId('product-form-shelfLifeDays').fill(p.shelfLifeDays);
  await page.getByTestId('product-form-reason').fill(p.reason);
}

/** Clicks a button of a modal once the modal has finished animating in. */
export async function clickInDialog(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  await button.waitFor();
  await settle(button);
  await button.click();
}

/** Opens an antd Select, types to filter and clicks the option containing `text`. */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor();
  await settle(option);
  await option.click();
}
