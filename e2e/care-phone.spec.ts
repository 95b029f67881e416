import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok } from './support/api.js';
import { demo, snap } from './support/browser.js';
import { flows, settled } from './support/flows.js';
import { settledHome, settledPage } from './support/phone-home.js';
import { axeViolations, sidewaysOverflow, smallText } from './support/phone-checks.js';
import { rawKeysSeen, watchForRawKeys } from './support/raw-keys.js';
import { phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/*
 * 我的结对 on the phone (390×844): the demo volunteer looks after the first two people of their
 * community (server/src/demo/care.demo.ts). They open the list from the home's tile, log a visit on
 * one, and find it first in the log and on the card. Both pages in normal and large text: nothing
 * scrolls sideways, no text under 18 px in large text, axe-core finds no serious violation.
 */
const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'care-phone');
const notes = `E2E 走访：老人血压偏高，腿脚不便，请社区医生跟进 ${Date.now().toString(36)}`;
const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const cards = (page: Page) => page.getByTestId('care-list').getByTestId('care-card');
/** antd-mobile's TextArea keeps a hidden twin to measure its height. */
const notesBox = (page: Page) => page.getByTestId('care-visit-summary').locator('textarea:not([aria-hidden=true])');
const toastGone = (page: Page) => page.locator('.adm-toast-mask').waitFor({ state: 'detached' });

/** The list once its answer is on screen (the list says aria-busy while it is on its way). */
async function openList(page: Page) {
  await page.waitForURL('**/h5/care');
  await settledPage(page, 'care-list');
  await cards(page).first().waitFor();
}

/** A detail page once the person, the form and the log are all there. */
async function settledDetail(page: Page) {
  await page.getByTestId('care-call-name').waitFor();
  await settledPage(page, 'care-visits');
  await page.getByTestId('care-visit').first().waitFor();
}

describe('我的结对: a volunteer looks after two people on the phone', () => {
  it('opens 我的结对 from the home tile, logs a visit (需关注) and finds it first in the log with 我, and on the card as today', async () => {
    await session('phone', async (page) => {
      await watchForRawKeys(page.context());
      await phoneLogin(page, demo.volunteer);
      const home = await settledHome(page);
      await settled(page);
      await snap(page, 'care-phone-home');
      await home.getByTestId('service-care').click();
      await openList(page);
      const names = await cards(page).evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.callName ?? ''));
      expect(names).toHaveLength(2);
      for (const name of names) expect(name).toMatch(/\S/);
      const first = cards(page).first();
      // place below the district and the door, the needs, the last visit: what a volunteer needs to go there
      expect(await first.textContent()).toMatch(/›.*›/);
      await settled(page);
      await snap(page, 'care-phone-list');

      await first.click();
      await page.waitForURL(/\/h5\/care\/[0-9a-f-]{36}$/);
      await settledDetail(page);
      expect(await page.getByTestId('care-call-name').textContent()).toBe(names[0]);
      await page.getByTestId('care-visit-condition').getByText('需关注').click();
      // notes are required, in the page's words
      await page.getByTestId('care-visit-submit').click();
      await page.getByText('请写下走访情况').waitFor();
      await notesBox(page).fill(notes);
      await page.getByTestId('care-visit-submit').click();
      await page.getByText('已记录，谢谢您的关心').waitFor();
      await toastGone(page);

      const top = page.getByTestId('care-visit').first();
      await expect.poll(() => top.textContent(), { timeout: 10_000 }).toContain(notes);
      expect(await top.getAttribute('data-mine')).toBe('true');
      expect(await top.getByTestId('care-visitor').textContent()).toBe('我');
      expect(await top.getByTestId('care-condition').getAttribute('data-condition')).toBe('attention');
      expect(await top.textContent()).toContain(`${beijingToday()} `);
      expect(await top.textContent()).toContain('上门走访');
      // the form is empty again for the next visit
      expect(await notesBox(page).inputValue()).toBe('');
      await settled(page);
      await snap(page, 'care-phone-detail-logged');

      await page.locator('.adm-nav-bar-back').click();
      await openList(page);
      const card = page.locator(`[data-testid=care-card][data-call-name="${names[0]}"]`);
      await expect.poll(() => card.getByTestId('care-last-visit').textContent(), { timeout: 10_000 }).toContain('上次走访：今天');
      expect(await card.getByTestId('care-condition').getAttribute('data-condition')).toBe('attention');
      expect(await card.getByTestId('care-condition').textContent()).toContain('需关注');
      expect(await rawKeysSeen(page)).toEqual([]);
    });
  });

  it.each([
    { mode: 'normal', large: false },
    { mode: 'large', large: true },
  ])('in $mode text at 390×844 both pages fit the width, and axe-core finds no serious violation', async ({ large }) => {
    await session('phone', async (page) => {
      await page.addInitScript((on) => localStorage.setItem('lianxin.largeText', on ? '1' : '0'), large);
      await phoneLogin(page, demo.volunteer);
      await settledHome(page);
      await page.goto('/h5/care');
      await openList(page);
      const problems: string[] = [];
      const check = async (name: string) => {
        await settled(page);
        for (const p of await sidewaysOverflow(page)) problems.push(`${name}: ${p}`);
        for (const v of await axeViolations(page)) problems.push(`${name}: ${v}`);
        if (large) for (const s of await smallText(page)) problems.push(`${name}: text under 18 px: ${s}`);
        await snap(page, `care-phone-${large ? 'large' : 'normal'}-${name}`);
      };
      await check('list');
      await cards(page).first().click();
      await settledDetail(page);
      // 紧急 chosen: the red notice tells what to do first, and must fit and read well too
      await page.getByTestId('care-visit-condition').getByText('紧急').click();
      await page.getByTestId('care-urgent-hint').waitFor();
      await check('detail');
      if (large) {
        // elderly fingers: the choices and the button are at least 48 px high
        const heights = await page.locator('[data-testid=care-visit-form] .adm-selector-item, [data-testid=care-visit-submit]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
        expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
      }
      expect(problems).toEqual([]);
    });
  });

  it('a person the volunteer is not paired with is not found: the app’s usual error and nothing of them', async () => {
    const admin = await apiAs(demo.communityAdmin);
    const volunteer = await apiAs(demo.volunteer);
    const mine = await ok<{ id: string }[]>(volunteer.get('/api/care-recipients/mine'), 'mine');
    const all = await ok<{ items: { id: string; callName: string }[] }>(admin.get('/api/care-recipients?page=1&pageSize=20'), 'list');
    const other = all.items.find((r) => !mine.some((m) => m.id === r.id));
    expect(other).toBeDefined();
    await session('phone', async (page) => {
      await phoneLogin(page, demo.volunteer);
      await settledHome(page);
      await page.goto(`/h5/care/${other!.id}`);
      expect(await page.getByTestId('care-error').textContent()).toContain('关爱对象不存在');
      expect(await page.getByTestId('h5-care-detail').textContent()).not.toContain(other!.callName);
      expect(await page.getByTestId('care-visit-form').count()).toBe(0);
    });
  });

  it('a volunteer paired with nobody yet is told the community will pair them', async () => {
    await session('phone', async (page) => {
      // the demo volunteer looks after two people: the empty answer is stubbed, the page is the app's own
      await page.route('**/api/care-recipients/mine', (route) => route.fulfill({ json: [] }));
      await phoneLogin(page, demo.volunteer);
      await settledHome(page);
      await page.goto('/h5/care');
      expect(await page.getByTestId('care-empty').textContent()).toContain('您还没有结对的关爱对象。社区会为您安排。');
      expect(await cards(page).count()).toBe(0);
    });
  });

  it('in English the cards and the log say words, never codes', async () => {
    await session('phone', async (page) => {
      await page.context().addInitScript(() => localStorage.setItem('lianxin.language', 'en'));
      await watchForRawKeys(page.context());
      await phoneLogin(page, demo.volunteer);
      await settledHome(page);
      await page.getByTestId('service-care').click();
      await openList(page);
      expect(await page.getByTestId('care-list').textContent()).toContain('Last visit: ');
      const words = await page.getByTestId('care-condition').evaluateAll((els) => els.map((el) => el.textContent!.trim()));
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(['Good', 'Needs attention', 'Urgent']).toContain(word);
      await cards(page).first().click();
      await settledDetail(page);
      expect(await page.getByTestId('care-visit-form').textContent()).toContain('Needs attention');
      expect(await page.getByTestId('care-visits').textContent()).toMatch(/Home visit|Phone call/);
      await settled(page);
      await snap(page, 'care-phone-en-detail');
      expect(await rawKeysSeen(page)).toEqual([]);
    });
  });
});
