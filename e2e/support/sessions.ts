import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './browser.js';

/**
 * A phone (390×844, touch) or a desktop (1440×900) browser context's options, in Beijing time. The app's
 * service worker is blocked unless asked for (the PWA spec): requests it answered would pass by the
 * tests' `page.route` holds and response waits. bench:budgets opens its contexts the same way.
 */
export function sessionOptions(
  baseURL: string,
  device: 'phone' | 'desk',
  opts: { serviceWorkers?: 'allow' | 'block'; storageState?: BrowserContextOptions['storageState'] } = {},
): BrowserContextOptions {
  const phone = device === 'phone';
  return {
    baseURL,
    storageState: opts.storageState,
    timezoneId: 'Asia/Shanghai',
    locale: 'zh-CN',
    viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: phone ? 2 : 1,
    serviceWorkers: opts.serviceWorkers ?? 'block',
  };
}

/** A phone or desktop browser session (see `sessionOptions`) and its first page. */
export async function openSession(browser: Browser, baseURL: string, device: 'phone' | 'desk', opts: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(sessionOptions(baseURL, device, opts));
  return { context, page: await context.newPage() };
}

/** Signs in through the back-office login page. */
export async function deskLogin(page: Page, phone: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#phone').fill(phone);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Signs in through the phone login page. */
export async function phoneLogin(page: Page, phone: string): Promise<void> {
  await page.goto('/h5/login');
  await page.locator('input[type=tel]').fill(phone);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByTestId('h5-login-submit').click();
}

/** Waits until the detail page on screen shows the need in this state (its data-status). */
export async function waitForStatus(page: Page, testId: 'need-detail' | 'h5-need-detail', status: string): Promise<void> {
  await page.locator(`[data-testid=${testId}][data-status=${status}]`).waitFor({ timeout: 15_000 });
}

type Timeline = { status: string; timeline: { action: string }[] };

/** The need as the signed-in user sees it through the API (the page's cookies ride along). */
export async function readNeed(page: Page, id: string): Promise<Timeline> {
  const response = await page.request.get(`/api/needs/${id}`);
  if (!response.ok()) throw new Error(`GET /api/needs/${id}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Timeline;
}
