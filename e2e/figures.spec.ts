import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { settledTable } from './support/lists.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/** The demo's district admin (server/src/demo/fixed-accounts.ts): the whole district's figures. */
const DISTRICT_ADMIN = '13800000000';

type Summary = {
  from: string; to: string;
  totals: { onTimeRate: number | null; satisfactionRate: number | null; reopenRate: number | null; overdue: number; responseMedianHours: number | null };
  groups: { name: string | null; parentName: string | null }[];
};

const env = serverAndBrowser();

/** The same words the page writes: 0.8765 → 87.7%, nothing counted → a dash. */
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

async function asDistrictAdmin(act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
  try {
    await page.setViewportSize({ width: 1366, height: 768 }); // the office's common laptop screen
    await deskLogin(page, DISTRICT_ADMIN);
    await page.getByTestId('data-scope').waitFor();
    await act(page);
  } catch (error) {
    await snap(page, `figures-failed-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/**
 * The figures page's own summary, by its query exactly: 首页 (where the sign-in lands) asks for the months
 * of its trend too, and those answers must not be taken for the page's.
 */
const summaryAnswer = (page: Page, query: Record<string, string> = {}) =>
  page.waitForResponse((r) => {
    const url = new URL(r.url());
    if (url.pathname !== '/api/figures/summary' || r.status() !== 200) return false;
    const asked = Object.fromEntries(url.searchParams);
    return JSON.stringify(Object.entries(asked).sort()) === JSON.stringify(Object.entries(query).sort());
  });
const statistic = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-statistic-content').innerText();

describe('the figures page (统计分析 · 办理考核)', () => {
  it('shows the figures the server counts for the demo district, its ranking and the overdue list in red', async () => {
    await asDistrictAdmin(async (page) => {
      const answered = summaryAnswer(page);
      await page.getByTestId('side-menu').getByText('统计分析').click();
      const shown = (await (await answered).json()) as Summary;
      // the page's cards say what the API answered for the period on screen (this month by default)
      await expect.poll(() => statistic(page, 'kpi-on-time')).toBe(percent(shown.totals.onTimeRate));
      expect(await statistic(page, 'kpi-satisfaction')).toBe(percent(shown.totals.satisfactionRate));
      expect(await statistic(page, 'kpi-reopen')).toBe(percent(shown.totals.reopenRate));
      expect(await statistic(page, 'kpi-overdue')).toBe(String(shown.totals.overdue));
      await snap(page, 'figures-desk-month');

      // a whole year, by grid: the bars and a row per grid (20 to a page)
      const yearQuery = { from: `${shown.to.slice(0, 4)}-01-01`, to: shown.to, groupBy: 'grid' };
      const year = summaryAnswer(page, yearQuery);
      await page.goto(`/figures?${new URLSearchParams(yearQuery).toString()}`);
      const yearly = (await (await year).json()) as Summary;
      expect(yearly.groups.length).toBeGreaterThan(1);
      await page.getByTestId('figures-chart').locator('canvas').first().waitFor();
      const ranking = page.getByTestId('figures-ranking');
      await expect.poll(() => ranking.locator('tr.ant-table-row').count()).toBe(Math.min(20, yearly.groups.length));
      const first = yearly.groups[0]!;
      expect(await ranking.locator('tr.ant-table-row').first().locator('td').nth(1).innerText()).toBe(first.name === null ? '未归属网格' : `${first.parentName} · ${first.name}`);
      expect(await statistic(page, 'kpi-on-time')).toBe(percent(yearly.totals.onTimeRate));

      // overdue is counted as of now: the list holds as many as the card says, each deadline in red
      const overdue = await settledTable(page.getByTestId('figures-overdue'));
      expect(yearly.totals.overdue).toBeGreaterThan(0); // the demo district always has some
      await overdue.locator('tr.ant-table-row').first().waitFor();
      expect(await overdue.locator('tr.ant-table-row .ant-typography-danger').count()).toBe(await overdue.locator('tr.ant-table-row').count());
      expect(await page.getByTestId('figures-overdue-list').locator('.ant-pagination').innerText()).toContain(`共 ${yearly.totals.overdue} 条`);
      await snap(page, 'figures-desk-year-grid');
    });
  });

  it('downloads the ranking and the overdue list as an Excel workbook in Chinese', async () => {
    await asDistrictAdmin(async (page) => {
      const answered = summaryAnswer(page, { groupBy: 'street' });
      await page.goto('/figures?groupBy=street');
      const shown = (await (await answered).json()) as Summary;
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-export').click()]);
      expect(download.suggestedFilename()).toBe(`统计分析-${shown.from}-${shown.to}.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['办理考核排名', '超期清单']);
      const streets: string[] = [];
      book.worksheets[0]!.eachRow((row, n) => n > 3 && streets.push(String((row.values as unknown[])[2])));
      expect(streets).toEqual([...shown.groups.map((g) => g.name ?? '未归属街道'), '合计']);
    });
  });
});
