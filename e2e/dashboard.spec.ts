import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { rawKeysSeen, watchForRawKeys } from './support/raw-keys.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

type Screen = { regionId: string; regionName: string; totals: Record<string, number | null>; grids: { centre: unknown }[]; trend: unknown[] };

const env = serverAndBrowser();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

/** The big screen's answer for an area (none: the caller's own). */
const screenAnswer = (page: Page, regionId?: string) =>
  page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/dashboard' && r.status() === 200 && (url.searchParams.get('regionId') ?? undefined) === regionId;
  });
/** The same words the cards write: thousands grouped, a rate with one decimal. */
const count = (n: number | null) => (n ?? 0).toLocaleString('zh-CN', { maximumFractionDigits: 1 });
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const card = (page: Page, key: string) => page.getByTestId(`screen-card-${key}`).locator('.lx-screen-card-value').innerText();
/** Screenshots once the charts' entry animations have finished. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running')).then(() => page.waitForTimeout(1200));

async function asDistrictAdmin(act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
  contexts.push(context);
  await watchForRawKeys(context);
  try {
    await page.setViewportSize({ width: 1366, height: 768 }); // the office's common laptop screen
    await deskLogin(page, demo.districtAdmin);
    await page.getByTestId('data-scope').waitFor();
    await act(page);
  } catch (error) {
    await snap(page, `big-screen-failed-${Date.now()}`).catch(() => undefined);
    throw error;
  }
}

describe('数据大屏: the district admin’s wall screen', () => {
  it('shows the cards the server counts, draws the charts and the grid map, and narrows to a street', async () => {
    await asDistrictAdmin(async (page) => {
      const answered = screenAnswer(page);
      await page.getByTestId('side-menu').getByText('数据大屏').click();
      const district = (await (await answered).json()) as Screen;
      expect(district.trend).toHaveLength(12);
      expect(district.grids.filter((g) => g.centre).length).toBeGreaterThan(1); // the demo's grids have centres
      await expect.poll(() => card(page, 'received')).toBe(count(district.totals.received!));
      for (const key of ['completed', 'open', 'overdue', 'activeVolunteers', 'teams', 'pointsIssued']) expect(await card(page, key)).toBe(count(district.totals[key]!));
      expect(await card(page, 'onTimeRate')).toBe(percent(district.totals.onTimeRate!));
      expect(await card(page, 'satisfactionRate')).toBe(percent(district.totals.satisfactionRate!));
      // each chart is drawn on its canvas, nothing fetched from outside for the map
      for (const chart of ['screen-trend', 'screen-categories', 'screen-map']) await page.getByTestId(chart).locator('canvas').first().waitFor();
      expect(await page.getByTestId('screen-volunteers').locator('li').count()).toBeGreaterThan(0);
      await settled(page);
      await snap(page, 'big-screen-district-1366');

      // a street picked: the figures are the street's, fewer than the district's, and the URL keeps it
      const picker = page.getByTestId('big-screen').locator('.ant-select');
      await picker.click();
      const street = page.locator('.ant-select-tree-treenode', { hasText: '街道' }).nth(1);
      const streetName = (await street.locator('.ant-select-tree-title').innerText()).split(' · ')[0]!;
      const narrowed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard' && new URL(r.url()).searchParams.has('regionId') && r.status() === 200);
      await street.locator('.ant-select-tree-title').click();
      const mine = (await (await narrowed).json()) as Screen;
      expect(mine.regionName).toBe(streetName);
      expect(page.url()).toContain(`regionId=${mine.regionId}`);
      expect(mine.totals.received!).toBeLessThan(district.totals.received!);
      expect(mine.grids.length).toBeLessThan(district.grids.length);
      await expect.poll(() => card(page, 'received')).toBe(count(mine.totals.received!));
      await expect.poll(() => page.getByTestId('big-screen').locator('h1').innerText()).toContain(streetName);
      await settled(page);
      await snap(page, 'big-screen-street-1366');

      // the wall: 1920×1080, and the 全屏 button fills the monitor with the screen
      await page.setViewportSize({ width: 1920, height: 1080 });
      await settled(page);
      await snap(page, 'big-screen-street-1920');
      await page.getByTestId('screen-fullscreen').click();
      await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null)).toBe('big-screen');
      expect(await page.getByTestId('screen-fullscreen').innerText()).toContain('退出全屏');
      // in full screen only the screen is shown: the area picker's drop-down opens inside it
      await picker.click();
      await page.getByTestId('big-screen').locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor();
      expect(await rawKeysSeen(page)).toEqual([]);
    });
  });
});
