import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { settledTable } from './support/lists.js';
import { rawKeysSeen, watchForRawKeys } from './support/raw-keys.js';
import { serverAndBrowser } from './support/suite.js';
import { deskLogin, phoneLogin } from './support/sessions.js';

const languages = ['zh-CN', 'en'] as const;
type Language = (typeof languages)[number];

const env = serverAndBrowser();

/** A browser that has chosen `language` before (the app remembers it), watched for raw keys; it lists the scripts it loads. */
async function open(device: 'desk' | 'phone', language: Language): Promise<{ context: BrowserContext; page: Page; scripts: string[] }> {
  const phone = device === 'phone';
  const context = await env.browser.newContext({
    baseURL: env.server.baseUrl,
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: phone ? 2 : 1,
    // the service worker would fetch the shell's scripts itself: the page's own loads are what this counts
    serviceWorkers: 'block',
  });
  await context.addInitScript((chosen: string) => localStorage.setItem('lianxin.language', chosen), language);
  await watchForRawKeys(context);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return { context, page, scripts };
}

/** The feature catalogues a visit fetched, as "needs-en" (chunks named locale-<feature>-<language>; the phone frame's words are "phone-frame-<language>"). */
const cataloguesLoaded = (scripts: string[]) => [...new Set(scripts.flatMap((s) => /\/locale-([\w-]+?-(?:zh-CN|en))-[\w-]+\.js$/.exec(s)?.[1] ?? []))].sort();

/** The phone's own words: in the default language they travel in the phone frame's code (no catalogue file). */
const phoneWords = (language: Language) => (language === 'zh-CN' ? [] : [`h5-${language}`]);

/** The first need of a list as the signed-in user sees it. */
async function firstNeed(page: Page, view: 'all' | 'mine'): Promise<string | undefined> {
  const answer = await page.request.get(`/api/needs?view=${view}&page=1&pageSize=1`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: { id: string }[] }).items[0]?.id;
}

describe('every page shows words in the chosen language from its first paint, never a key', () => {
  for (const language of languages) {
    it(`the back office in ${language}: login, ledger and a need's detail`, async () => {
      const { context, page, scripts } = await open('desk', language);
      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await snap(page, `i18n-desk-login-${language}`);

      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.goto('/needs');
      await settledTable(page.getByTestId('needs-table'));
      expect(await page.getByTestId('side-menu').textContent()).toContain(language === 'en' ? 'Needs ledger' : '需求台账');
      await snap(page, `i18n-desk-ledger-${language}`);

      const id = await firstNeed(page, 'all');
      expect(id).toBeDefined();
      await page.goto(`/needs/${id}`);
      await page.getByTestId('need-detail').waitFor();
      await page.getByTestId('need-status').first().waitFor();
      await snap(page, `i18n-desk-need-${language}`);

      expect(await rawKeysSeen(page)).toEqual([]);
      // only the features shown, only in the language chosen: the rest stays on the server
      const other = language === 'en' ? 'zh-CN' : 'en';
      expect(cataloguesLoaded(scripts).filter((c) => c.endsWith(`-${other}`))).toEqual([]);
      expect(cataloguesLoaded(scripts)).toEqual(expect.arrayContaining([`auth-${language}`, `needs-${language}`, `shell-${language}`]));
      await context.close();
    });

    it(`the phone pages in ${language}: login and home`, async () => {
      const { context, page, scripts } = await open('phone', language);
      await page.goto('/h5/login');
      await page.getByTestId('h5-login-submit').waitFor();
      await snap(page, `i18n-h5-login-${language}`);
      expect(cataloguesLoaded(scripts)).toEqual([`auth-${language}`, ...phoneWords(language)]);

      await phoneLogin(page, demo.resident);
      const home = page.getByTestId('h5-home');
      await home.waitFor();
      // the resident's needs card, which loads the needs feature's words itself
      await page.getByTestId('h5-rate-card').waitFor();
      expect(await home.textContent()).toContain(language === 'en' ? 'Community services' : '社区服务');
      await snap(page, `i18n-h5-home-${language}`);

      expect(await rawKeysSeen(page)).toEqual([]);
      // the tabs and tiles are named from one small file of the phone frame's words (web/phone-frame-words.ts),
      // not from the whole catalogues of the features behind them; the needs card brings its feature's, the
      // inbox tab's icon (its unread count) the notifications'
      await expect.poll(() => cataloguesLoaded(scripts)).toEqual([`auth-${language}`, ...phoneWords(language), `needs-${language}`, `notifications-${language}`, `phone-frame-${language}`].sort());
      expect(scripts.filter((s) => s.includes('/assets/desk-kit-'))).toEqual([]);
      await context.close();
    });
  }

  it('switching language on a page fetches the other language of every namespace shown, then redraws', async () => {
    const { context, page, scripts } = await open('desk', 'zh-CN');
    await deskLogin(page, demo.communityAdmin);
    await page.getByTestId('data-scope').waitFor();
    await page.goto('/needs');
    await settledTable(page.getByTestId('needs-table'));
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByTestId('side-menu').getByText('Needs ledger').waitFor();
    expect(await page.getByRole('heading', { name: 'Needs ledger' }).count()).toBe(1);
    expect(await rawKeysSeen(page)).toEqual([]);
    expect(cataloguesLoaded(scripts)).toEqual(expect.arrayContaining(['needs-en', 'needs-zh-CN', 'shell-en']));
    await context.close();
  });
});
