import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { settledHome } from './support/phone-home.js';
import { rawKeysSeen, watchForRawKeys } from './support/raw-keys.js';
import { deskLogin, openSession, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();
const title = `助老服务员（岗位 E2E ${Date.now().toString(36)}）`;
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

/** Screenshots once the animations have finished, so nothing is half faded. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

async function session(device: 'desk' | 'phone', act: (page: Page) => Promise<void>, language?: 'en') {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, device);
  contexts.push(context);
  if (language) await context.addInitScript((chosen: string) => localStorage.setItem('lianxin.language', chosen), language);
  await watchForRawKeys(context);
  try {
    await act(page);
  } catch (error) {
    await snap(page, `posts-failed-${device}-${Date.now()}`).catch(() => undefined);
    throw error;
  }
}

describe('岗位: a community publishes a post and a volunteer claims it on the phone', () => {
  it('the community admin publishes a post from a public service post', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('岗位管理').click();
      await page.getByTestId('posts-table').waitFor();
      await page.getByTestId('post-publish').click();
      const form = page.getByTestId('post-form');
      await form.waitFor();
      await page.getByTestId('post-template').click();
      await page.keyboard.type('助老服务员');
      await page.locator('.ant-select-item-option', { hasText: '助老服务员' }).click();
      // the template filled in type, duties and skills; the name is ours
      expect(await page.getByTestId('post-duties').inputValue()).toContain('老人');
      await page.getByTestId('post-title').fill(title);
      await page.getByTestId('post-quota').fill('3');
      await page.getByTestId('post-place').fill('文化社区幸福食堂');
      await settled(page);
      await snap(page, 'posts-desk-form');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      const row = page.getByTestId('posts-table').locator('tr.ant-table-row', { hasText: title });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('助老扶幼');
      expect(text).toContain('已认领 0 / 3');
      expect(text).toContain('认领中');
      await settled(page);
      await snap(page, 'posts-desk-list');
    });
  });

  it('a volunteer at 390×844 sees it near them, marked as fitting their skills, claims it and finds it under my posts', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, demo.volunteer);
      await settledHome(page);
      await page.getByText('岗位认领').click();
      await page.waitForURL('**/h5/posts');
      const card = page.getByTestId('posts-near').locator(`[data-testid=post-card][data-post-title="${title}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain('本社区');
      await card.getByTestId('post-fits').waitFor();
      await settled(page);
      await snap(page, 'posts-phone-near');

      await card.getByTestId('post-claim').click();
      await page.locator('.adm-dialog-button-bold').click();
      await card.getByTestId('post-release').waitFor();
      await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: '我的岗位' }).click();
      const mine = page.getByTestId('posts-mine').locator(`[data-testid=post-card][data-post-title="${title}"]`);
      await mine.waitFor();
      expect(await mine.textContent()).toContain('退出岗位');
      await settled(page);
      await snap(page, 'posts-phone-mine');
      expect(await rawKeysSeen(page)).toEqual([]);
    });
  });

  it('in English, the district admin’s post types and the posts with their claimants show words, never codes', async () => {
    await session(
      'desk',
      async (page) => {
        await deskLogin(page, demo.districtAdmin);
        await page.getByTestId('data-scope').waitFor();
        await page.getByTestId('side-menu').getByText('Post types').click();
        const types = page.getByTestId('post-types-table');
        await types.locator('tr', { hasText: 'Help for the elderly and children' }).waitFor();
        await page.getByTestId('side-menu').getByText('Posts', { exact: true }).click();
        const row = page.getByTestId('posts-table').locator('tr.ant-table-row', { hasText: title });
        await row.waitFor();
        expect(await row.textContent()).toContain('1 of 3 claimed');
        await row.getByTestId('post-claimants').click();
        await page.getByTestId('claimants-drawer').getByText('Claimed', { exact: true }).waitFor();
        await settled(page);
        await snap(page, 'posts-desk-claimants-en');
        expect(await rawKeysSeen(page)).toEqual([]);
      },
      'en',
    );
  });
});
