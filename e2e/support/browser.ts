import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/*
 * Debian's Chromium headless shell (package chromium-headless-shell: the same Chromium, without the
 * full browser's windowing) when it is installed: the e2e run's heaviest specs took 264 s with it
 * instead of 357 s with /usr/bin/chromium, and 28 % less CPU (measured 2026-12-02, 2 cores). The
 * phone-page budgets ask for the full browser, as a phone runs it. E2E_CHROMIUM names another binary
 * for the tests.
 */
const headlessShell = '/usr/bin/chromium-headless-shell';

/**
 * The system Chromium, headless, with everything that phones home switched off. The tests' browser
 * opens every context with `prefers-reduced-motion: reduce`, so the desk's antd dialogs open and close
 * without their zoom (the app honours that setting, DeskShell): under a full run's load a click during
 * the zoom landed beside the button (conduct and oversight, session 23). Chromium ignores
 * `--force-prefers-reduced-motion` headless, so it is each context's option. The budgets' full
 * browser keeps motion, as a phone has it.
 */
export async function launchBrowser({ full = false }: { full?: boolean } = {}): Promise<Browser> {
  const executablePath = full ? '/usr/bin/chromium' : (process.env.E2E_CHROMIUM ?? (fs.existsSync(headlessShell) ? headlessShell : '/usr/bin/chromium'));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  if (full) return browser;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options: BrowserContextOptions = {}) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

const screenshotDir = path.resolve(import.meta.dirname, '../screenshots');

/**
 * Full-page screenshot into e2e/screenshots/ (gitignored), for a human to look at. On a phone the
 * window is made as tall as the page for the shot: a full-page capture of an 844 px window draws the
 * fixed tab bar at 844 px, over the middle of a longer page, where no phone ever shows it.
 */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  const size = page.viewportSize();
  const height = size && size.width <= 500 ? await page.evaluate(() => document.documentElement.scrollHeight) : 0;
  if (!size || height <= size.height) {
    await page.screenshot({ path: file, fullPage: true });
    return;
  }
  await page.setViewportSize({ width: size.width, height });
  try {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    await page.setViewportSize(size);
  }
}

/** What marks test data on screen: the specs' own titles and stamps must never end up in a guide. */
export const TEST_DATA = /E2E|e2e|fixture|测试数据|\btest\b/i;

/**
 * A screenshot the guides use (docs/guide/images, copied as docs/guide/README.md says): it shows what a
 * user would see, so the page must hold no test data; fails the spec otherwise.
 */
export async function guideSnap(page: Page, name: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  const found = TEST_DATA.exec(text);
  if (found) throw new Error(`guide capture ${name} shows test data: "${text.slice(Math.max(0, found.index - 20), found.index + 30)}"`);
  await snap(page, name);
}

export const DEMO_PASSWORD = 'Lianxin@2026';

/** The demo accounts the seed always creates, all in street 1 / community 1 (server/src/demo). */
export const demo = {
  districtAdmin: '13800000000',
  communityAdmin: '13800000002',
  teamLeader: '13800000004',
  volunteer: '13800000005',
  resident: '13800000006',
} as const;
