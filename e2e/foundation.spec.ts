import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, DEMO_PASSWORD, guideSnap, snap } from './support/browser.js';
import { listResponse } from './support/lists.js';
import { serverAndBrowser } from './support/suite.js';
import { smsCodeFor } from './support/registration.js';
import { phoneLogin, sessionOptions } from './support/sessions.js';

type Me = { account: { id: string; name: string; regionName: string | null }; scope: { regionId: string; regionName: string } };

/** The signed-in user as the server sees them (the page's cookies ride along). */
async function whoAmI(page: Page): Promise<Me> {
  const response = await page.request.get('/api/auth/me');
  expect(response.status()).toBe(200);
  return (await response.json()) as Me;
}

/** Waits until the element shows exactly this text (the page renders it once its data has come). */
async function showsText(element: Locator, text: string) {
  await element.filter({ hasText: text }).waitFor();
  expect((await element.textContent())?.trim()).toBe(text);
}

async function deskLogin(page: Page, phone: string) {
  await page.goto('/login');
  await page.locator('#phone').fill(phone);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

describe('foundation: back office and phone pages against the built server', () => {
  const env = serverAndBrowser();

  it('a community admin sees the region tree rooted at their own community only, and can read it in English', async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl, viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
    const page = await context.newPage();

    await page.goto('/');
    await page.waitForURL('**/login');
    await snap(page, 'desk-login');
    await deskLogin(page, demo.communityAdmin);
    await page.waitForURL(`${env.server.baseUrl}/`);
    const me = await whoAmI(page);
    await showsText(page.getByTestId('data-scope'), `数据范围：${me.scope.regionName}及下级`);
    await page.getByTestId('current-user').filter({ hasText: '社区管理员' }).waitFor();

    await page.getByTestId('side-menu').getByText('区域网格').click();
    await page.waitForURL('**/regions');
    const tree = page.getByTestId('region-tree');
    const nodes = tree.getByTestId('region-node');
    await nodes.nth(1).waitFor();
    // the root is my own community; no street, no district and no other community is in the tree
    expect(await nodes.first().getAttribute('data-region-id')).toBe(me.scope.regionId);
    expect(await tree.locator('[data-region-type=community]').count()).toBe(1);
    expect(await tree.locator('[data-region-type=street], [data-region-type=district]').count()).toBe(0);

    // searching the whole name space finds no community but mine
    const answered = listResponse(page, { path: '/api/regions/search', params: { q: '社区' } });
    await page.getByTestId('region-search').fill('社区');
    await answered;
    // read the open dropdown from the DOM: while it slides in, Playwright may not count it as visible
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor({ state: 'attached' });
    const found = await options.allTextContents();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(me.scope.regionName);
    await page.keyboard.press('Escape');

    // open the first grid: its buildings load from the server
    const buildingsBefore = await tree.locator('[data-region-type=building]').count();
    await tree.locator('.ant-tree-treenode').nth(1).locator('.ant-tree-switcher').click();
    await tree.locator('[data-region-type=building]').first().waitFor();
    expect(await tree.locator('[data-region-type=building]').count()).toBeGreaterThan(buildingsBefore);
    await tree.locator('[data-region-type=building]').first().click();
    await page.getByTestId('region-detail').filter({ hasText: me.scope.regionName }).waitFor();
    await snap(page, 'desk-regions-zh');

    // English, remembered across a reload, and sent to the server as Accept-Language
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await showsText(page.getByTestId('data-scope'), `Data scope: ${me.scope.regionName} and below`);
    const apiCall = page.waitForRequest((request) => request.url().includes('/api/regions'));
    await page.reload();
    expect((await apiCall).headers()['accept-language']).toBe('en');
    await page.getByText('Region tree', { exact: true }).first().waitFor();
    await tree.locator('[data-region-type=grid]').first().waitFor();
    expect(await tree.locator('[data-region-type=grid]').first().textContent()).toContain('Grid');
    expect(await page.getByTestId('side-menu').textContent()).toContain('Accounts');
    await snap(page, 'desk-regions-en');
    await context.close();
  });

  it('a resident signs in on a phone at /h5 and sees their own page, without the desktop UI kit', async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });

    await page.goto('/h5');
    await page.waitForURL('**/h5/login');
    await snap(page, 'h5-login');
    await page.locator('input[type=tel]').fill(demo.resident);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(`${env.server.baseUrl}/h5`);
    const me = await whoAmI(page);
    const home = page.getByTestId('h5-home');
    await home.waitFor();
    expect(await home.textContent()).toContain(me.account.name);
    expect(await home.textContent()).toContain(me.account.regionName ?? '');
    expect(await home.textContent()).toContain('居民');
    await snap(page, 'h5-home');

    await page.getByText('我的', { exact: true }).click();
    await page.getByTestId('h5-me').waitFor();
    await page.getByRole('switch', { name: '大字模式' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('lx-large-text'))).toBe(true);
    await guideSnap(page, 'h5-me-large-text');

    // the phone pages are built to load only antd-mobile; the 1 MB desktop kit stays on the server
    expect(scripts.filter((url) => url.includes('/assets/desk-kit-'))).toEqual([]);
    await context.close();
  });

  it('each user lands on their own surface, whichever login page they use', async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await deskLogin(page, demo.resident);
    await page.waitForURL(`${env.server.baseUrl}/h5`);
    await page.request.post('/api/auth/logout');
    await context.clearCookies();

    await page.goto('/h5/login');
    await page.locator('input[type=tel]').fill(demo.communityAdmin);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    // signing in on the phone keeps staff on the phone pages (their to-dos are there); the desk login takes them to the desk
    await page.waitForURL(`${env.server.baseUrl}/h5`);
    await page.getByTestId('h5-home').waitFor();
    await page.request.post('/api/auth/logout');
    await context.clearCookies();
    await deskLogin(page, demo.communityAdmin);
    await page.waitForURL(`${env.server.baseUrl}/`);
    await page.getByTestId('data-scope').waitFor();
    await context.close();
  });

  it('the back office opens its dialogs without their zoom when the user asked their system for less motion', async () => {
    /** Every class a dialog's box had while it opened, seen by an observer set up before the click. */
    const dialogClasses = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await env.browser.newContext({ baseURL: env.server.baseUrl, viewport: { width: 1366, height: 768 }, reducedMotion });
      const page = await context.newPage();
      await deskLogin(page, demo.districtAdmin);
      await page.waitForURL(`${env.server.baseUrl}/`);
      await page.getByTestId('side-menu').getByText('区域网格').click();
      await page.getByTestId('region-detail').waitFor();
      await page.evaluate(() => {
        const seen = new Set<string>();
        (window as unknown as { dialogClasses: Set<string> }).dialogClasses = seen;
        // every value the class attribute passed through (oldValue), not only those a callback happens to see
        const note = (classes: string) => classes.split(/\s+/).forEach((c) => c && seen.add(c));
        new MutationObserver((records) => {
          for (const record of records) {
            const box = record.target as Element;
            if (record.type === 'attributes' && box.classList?.contains('ant-modal')) note(record.oldValue ?? '');
          }
          document.querySelectorAll('.ant-modal').forEach((box) => note(box.className));
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['class'] });
      });
      // the region's own Edit (编辑) button, by its icon
      await page.locator('button:has(.anticon-edit)').first().click();
      await page.locator('.ant-modal-footer .ant-btn-primary').waitFor();
      // opened: the box has only its own classes left (at once without motion, after the zoom with it)
      await page.waitForFunction(() => !document.querySelector('.ant-modal')?.className.includes('ant-zoom'));
      const classes = await page.evaluate(() => [...(window as unknown as { dialogClasses: Set<string> }).dialogClasses]);
      await context.close();
      return classes;
    };
    // the zoom runs while the box has its -active class (rc-motion still passes through its prepare step without motion)
    expect(await dialogClasses('no-preference')).toContain('ant-zoom-appear-active');
    const reduced = await dialogClasses('reduce');
    expect(reduced).toContain('ant-modal');
    expect(reduced.filter((c) => c.endsWith('-active'))).toEqual([]);
  });

  it('the phone pages open their dialogs without their spring when the user asked their system for less motion', async () => {
    /** Every opacity a dialog's box had while it opened, seen by an observer set up before the tap. */
    const dialogOpacities = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await env.browser.newContext({ ...sessionOptions(env.server.baseUrl, 'phone'), reducedMotion });
      const page = await context.newPage();
      await phoneLogin(page, demo.volunteer);
      await page.getByTestId('h5-home').waitFor();
      await page.goto('/h5/pool');
      await page.getByTestId('grab').first().waitFor();
      await page.evaluate(() => {
        const seen = new Set<string>();
        (window as unknown as { dialogOpacities: Set<string> }).dialogOpacities = seen;
        // the animated box is the centre popup's wrap's child; every value its style passed through (oldValue)
        const note = (style: string | null) => {
          const opacity = /opacity:\s*([\d.]+)/.exec(style ?? '')?.[1];
          if (opacity !== undefined) seen.add(opacity);
        };
        new MutationObserver((records) => {
          for (const record of records) {
            const box = record.target as Element;
            if (record.type === 'attributes' && box.parentElement?.classList.contains('adm-center-popup-wrap')) note(record.oldValue);
          }
          document.querySelectorAll('.adm-center-popup-wrap > div').forEach((box) => note(box.getAttribute('style')));
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['style'] });
      });
      await page.getByTestId('grab').first().click();
      // opened: fully opaque (at once without motion, after the spring with it)
      await page.waitForFunction(() => /opacity:\s*1(;|$)/.test(document.querySelector('.adm-center-popup-wrap > div')?.getAttribute('style') ?? ''));
      const opacities = await page.evaluate(() => [...(window as unknown as { dialogOpacities: Set<string> }).dialogOpacities].map(Number));
      await context.close();
      return opacities;
    };
    const between = (values: number[]) => values.filter((v) => v > 0 && v < 1);
    // with motion the spring fades the box in through values between 0 and 1; without, it is shown whole
    expect(between(await dialogOpacities('no-preference')).length).toBeGreaterThan(0);
    const reduced = await dialogOpacities('reduce');
    expect(reduced).toContain(1);
    expect(between(reduced)).toEqual([]);
  });

  it('registering answers alike for a new and a taken number: the new one is signed in, the taken one is sent to log in', async () => {
    const register = async (phone: string) => {
      const context = await env.browser.newContext({ baseURL: env.server.baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto('/h5/register');
      await page.getByPlaceholder('请输入真实姓名').fill('新邻居');
      await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
      await page.getByText('选择所在社区').first().click();
      const popup = page.locator('.adm-popup');
      const title = popup.locator('.adm-nav-bar-title');
      // the lone district opens by itself; then a street, then its first community, one screen each
      await expect.poll(() => title.textContent()).not.toBe('选择所在社区');
      for (let level = 0; level < 2; level++) {
        const before = await title.textContent();
        await popup.locator('.adm-list-item').first().click();
        await expect.poll(() => title.textContent()).not.toBe(before);
      }
      await page.getByRole('button', { name: /^选择「/ }).click();
      // 获取验证码: the development channel prints it to the server's log, where this test reads it
      await page.getByTestId('register-get-code').click();
      await page.getByTestId('register-get-code').getByText(/秒后重发/).waitFor();
      await page.getByPlaceholder('请输入短信验证码').fill(await smsCodeFor(env.server, phone));
      const passwords = page.locator('input[type=password]');
      await passwords.nth(0).fill('Home#Sweet2026');
      await passwords.nth(1).fill('Home#Sweet2026');
      expect(await page.locator('.adm-form-item-label', { hasText: '确认密码' }).count()).toBe(1);
      expect(await page.getByText('确认新密码').count()).toBe(0);
      await page.getByRole('button', { name: '注册并登录' }).click();
      // not without agreeing to the privacy policy
      await page.getByText('请阅读并同意隐私政策').waitFor();
      await page.getByTestId('register-agree').click();
      await snap(page, `h5-register-filled-${phone.slice(-4)}`);
      await page.getByRole('button', { name: '注册并登录' }).click();
      return { context, page };
    };

    const policy = await env.browser.newContext({ baseURL: env.server.baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const policyPage = await policy.newPage();
    await policyPage.goto('/h5/privacy');
    await policyPage.getByTestId('h5-privacy').getByText('版本 2026-12-01').waitFor();
    expect(await policyPage.getByTestId('h5-privacy').locator('h3').count()).toBe(6);
    await snap(policyPage, 'h5-privacy');
    await policy.close();

    const fresh = await register('13855550001');
    await fresh.page.waitForURL(`${env.server.baseUrl}/h5`);
    expect((await whoAmI(fresh.page)).account.name).toBe('新邻居');
    await fresh.context.close();

    const taken = await register(demo.resident);
    await taken.page.waitForURL('**/h5/login');
    await taken.page.getByTestId('h5-register-received').waitFor();
    expect(await taken.page.locator('input[type=tel]').inputValue()).toBe(demo.resident);
    expect((await taken.page.request.get('/api/auth/me')).status()).toBe(401);
    await snap(taken.page, 'h5-register-received');
    await taken.context.close();
  });
});
