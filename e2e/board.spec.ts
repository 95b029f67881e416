import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok } from './support/api.js';
import { demo, snap } from './support/browser.js';
import { flows, settled } from './support/flows.js';
import { axeViolations, sidewaysOverflow, smallText } from './support/phone-checks.js';
import { rawKeysSeen, watchForRawKeys } from './support/raw-keys.js';
import { deskLogin, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/*
 * 社区公示栏 (SPEC §10), open to anyone: from the phone's sign-in page, without signing in, a reader
 * sees the demo district's wish wall, what is in hand, results, a month's figures and the honour roll —
 * never a phone number. A community admin takes a result off the board on the desk with a reason and
 * puts it back. Every tab at 390×844 in normal and large text: nothing sideways, axe-core clean.
 */
const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'board', { deskLaptop: true });
const PHONE_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/;

type BoardItem = { id: string; number: string; title: string };
const tabs = [
  { key: 'wishes', word: '心愿墙', list: 'board-wishes' },
  { key: 'accepted', word: '办理中', list: 'board-accepted' },
  { key: 'done', word: '已办结', list: 'board-done' },
  { key: 'figures', word: '月度数据', list: 'board-figures' },
  { key: 'honours', word: '光荣榜', list: 'board-honours' },
] as const;

async function districtOf(api: APIRequestContext): Promise<string> {
  const roots = await ok<{ id: string }[]>(api.get('/api/public/regions'), 'districts');
  return roots[0]!.id;
}

async function openTab(page: Page, tab: (typeof tabs)[number]) {
  await page.getByRole('tab', { name: tab.word, exact: true }).click();
  await page.getByTestId(tab.list).waitFor();
  await settled(page);
}

describe('社区公示栏: anyone reads the district’s board; the community takes a need down', () => {
  it('opens from the sign-in page without signing in and shows every section, with no phone number anywhere', async () => {
    await session('phone', async (page) => {
      await watchForRawKeys(page.context());
      await page.goto('/h5/login');
      await page.getByTestId('h5-board-link').click();
      await page.waitForURL(/\/h5\/board\/[0-9a-f-]{36}/);
      await page.getByTestId('board-wishes').waitFor();
      expect(await page.getByTestId('board-item').count()).toBeGreaterThan(0);
      await snap(page, 'board-phone-wishes');
      for (const tab of tabs) {
        await openTab(page, tab);
        const text = (await page.getByTestId('board-page').textContent()) ?? '';
        expect(text).not.toMatch(PHONE_NUMBER);
        if (tab.key === 'figures') expect(await page.getByTestId('board-community').count()).toBeGreaterThan(1);
        if (tab.key === 'honours') expect(await page.getByTestId('board-volunteer').count()).toBeGreaterThan(0);
        if (tab.key === 'done') expect(text).toMatch(/办结/);
        await snap(page, `board-phone-${tab.key}`);
      }
      // the tab is in the address: a shared link opens the same
      expect(page.url()).toContain('tab=honours');
      expect(await rawKeysSeen(page)).toEqual([]);
    });
  });

  it('许个心愿 from the wish wall: signed out it asks to sign in, then opens the form with 微心愿 chosen', async () => {
    await session('phone', async (page) => {
      await page.goto('/h5/board');
      await page.getByTestId('board-make-wish').click();
      await page.waitForURL('**/h5/login');
      // signed in, the resident is taken on to the form they asked for
      await phoneLogin(page, demo.resident);
      await page.waitForURL('**/h5/needs/new?kind=microWish');
      await page.getByTestId('h5-need-post').waitFor();
      const chosen = page.locator('.adm-selector-item-active');
      await chosen.first().waitFor();
      expect(await chosen.allTextContents()).toEqual([expect.stringContaining('微心愿')]);
    });
  });

  it('a community admin takes a result off the board with a reason on the desk, and puts it back', async () => {
    const admin = await apiAs(demo.communityAdmin);
    const district = await districtOf(admin);
    const me = await ok<{ account: { regionId: string } }>(admin.get('/api/auth/me'), 'me');
    const board = () => ok<{ items: BoardItem[] }>(admin.get(`/api/public/board/${district}/needs?section=done&regionId=${me.account.regionId}&pageSize=50`), 'board');
    const shown = (await board()).items[0];
    expect(shown).toBeDefined();
    await session('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.goto(`/needs/${shown!.id}`);
      await page.getByTestId('board-withdraw').click();
      // a reason is required, in the page's words
      await page.locator('.ant-modal').getByRole('button', { name: '撤下公示' }).click();
      await page.getByText('请填写撤下原因').waitFor();
      await page.locator('.ant-modal textarea').fill('E2E 照片里能看到门牌');
      await page.locator('.ant-modal').getByRole('button', { name: '撤下公示' }).click();
      await page.getByText('已撤下公示', { exact: true }).waitFor();
      expect((await board()).items.map((i) => i.id)).not.toContain(shown!.id);
      await page.getByTestId('need-timeline').getByText('从公示栏撤下').first().waitFor();
      await settled(page);
      await snap(page, 'board-desk-withdrawn');
      await page.getByTestId('board-restore').click();
      await page.getByTestId('board-withdraw').waitFor();
      expect((await board()).items.map((i) => i.id)).toContain(shown!.id);
    });
  });

  it.each([
    { mode: 'normal', large: false },
    { mode: 'large', large: true },
  ])('in $mode text at 390×844 every tab fits the width, and axe-core finds no serious violation', async ({ large }) => {
    await session('phone', async (page) => {
      await page.addInitScript((on) => localStorage.setItem('lianxin.largeText', on ? '1' : '0'), large);
      await page.goto('/h5/board');
      await page.getByTestId('board-wishes').waitFor();
      const problems: string[] = [];
      for (const tab of tabs) {
        await openTab(page, tab);
        for (const p of await sidewaysOverflow(page)) problems.push(`${tab.key}: ${p}`);
        for (const v of await axeViolations(page)) problems.push(`${tab.key}: ${v}`);
        if (large) for (const s of await smallText(page)) problems.push(`${tab.key}: text under 18 px: ${s}`);
        await snap(page, `board-phone-${large ? 'large' : 'normal'}-${tab.key}`);
      }
      expect(problems).toEqual([]);
    });
  });
});
