import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { rawKeysSeen, watchForRawKeys } from './support/raw-keys.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();
const name = `周桂芳${Date.now().toString(36).slice(-3)}`;
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

/** Screenshots once the animations have finished, so nothing is half faded. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
const ok = (page: Page) => page.locator('.ant-modal-footer .ant-btn-primary').click();

async function session(act: (page: Page) => Promise<void>, language?: 'en') {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
  contexts.push(context);
  if (language) await context.addInitScript((chosen: string) => localStorage.setItem('lianxin.language', chosen), language);
  await watchForRawKeys(context);
  try {
    await act(page);
  } catch (error) {
    await snap(page, `care-failed-${Date.now()}`).catch(() => undefined);
    throw error;
  }
}

describe('关爱对象: a community registers a person, pairs a volunteer, sets up a plan and logs a visit', () => {
  it('the community admin registers 周奶奶 in a building of the community and opens her record', async () => {
    await session(async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('关爱对象').click();
      const table = page.getByTestId('care-table');
      await table.locator('tr.ant-table-row').first().waitFor();
      // the demo's people: those not visited for longest first, with their kinds of care
      expect(await table.locator('tr.ant-table-row').count()).toBeGreaterThan(0);
      await settled(page);
      await snap(page, 'care-desk-list');

      await page.getByTestId('care-register').click();
      const form = page.getByTestId('care-form');
      await form.waitFor();
      await page.getByTestId('care-form-name').fill(name);
      await page.getByTestId('care-form-call-name').fill('周奶奶');
      await page.getByTestId('care-form-types').click();
      await page.locator('.ant-select-item-option', { hasText: '鳏寡孤独' }).click();
      await page.keyboard.press('Escape');
      // the place: the community's first grid, its first building
      await form.locator('#regionId').click();
      await page.locator('.ant-select-tree-switcher_close').first().click();
      await page.locator('.ant-select-tree-treenode', { hasText: '楼栋' }).first().locator('.ant-select-tree-title').click();
      await page.getByTestId('care-form-needs').fill('每周探访，帮忙买菜');
      await form.locator('#riskNotes').fill('独居，高血压');
      await ok(page);
      await page.getByTestId('care-record').waitFor();
      expect(await page.getByTestId('care-risk').textContent()).toContain('独居，高血压');
      expect(await page.getByTestId('care-last-visit').first().textContent()).toBe('从未走访');

      // pairing: the demo volunteer, found by phone
      await page.getByTestId('care-pairing-edit').click();
      await page.getByTestId('care-pairing-select').click();
      await page.keyboard.type(demo.volunteer);
      // options show the phone masked: the demo volunteer is 刘芳
      await page.locator('.ant-select-item-option', { hasText: '刘芳' }).first().click();
      await page.keyboard.press('Escape');
      await ok(page);
      await page.getByTestId('care-pairing').getByText('一对一').waitFor();

      // a weekly visit: the plan orders its next day now
      await page.getByTestId('care-plan-add').click();
      await page.getByTestId('care-plan-title').fill('每周上门探访');
      await page.getByTestId('care-plan-category').click();
      await page.locator('.ant-cascader-menu-item', { hasText: '助老服务' }).click();
      await page.locator('.ant-cascader-menu-item', { hasText: '陪伴聊天' }).click();
      await page.getByTestId('care-plan-day').click();
      await page.locator('.ant-select-item-option', { hasText: '三' }).click();
      await ok(page);
      const plan = page.getByTestId('care-plan').first();
      await plan.getByText('每周三 09:30，60分钟').waitFor();
      expect(await plan.textContent()).toContain('下次：');
      await plan.getByTestId('care-plan-order').click();
      await plan.locator('a[href^="/needs/"]').first().waitFor();
      // changed to Fridays: the rule reads so, the order made stays
      await plan.getByRole('button', { name: '修改' }).click();
      await page.getByTestId('care-plan-day').click();
      await page.locator('.ant-select-item-option', { hasText: '五' }).click();
      await ok(page);
      await plan.getByText('每周五 09:30，60分钟').waitFor();
      await plan.locator('a[href^="/needs/"]').first().waitFor();

      // a visit that found something to follow up
      await page.getByTestId('care-visit-add').click();
      await page.getByTestId('care-visit-form').getByText('需关注').click();
      await page.getByTestId('care-visit-summary').fill('血压偏高，已提醒按时服药');
      await ok(page);
      await page.getByTestId('care-visit').first().getByText('血压偏高，已提醒按时服药').waitFor();
      await page.getByTestId('care-record').getByText('今天').waitFor();
      await settled(page);
      await snap(page, 'care-desk-detail');
      expect(await rawKeysSeen(page)).toEqual([]);

      // the order the plan made is a need of the ledger, from channel 一人一策
      await plan.locator('a[href^="/needs/"]').first().click();
      await page.getByTestId('need-detail').waitFor();
      expect(await page.getByTestId('need-detail').textContent()).toContain('一人一策');
    });
  });

  it('the community admin imports people from Excel: a bad row shows the problems and imports nothing, the fixed sheet imports them all', async () => {
    const tag = Date.now().toString(36).slice(-4);
    const people = [`导入甲${tag}`, `导入乙${tag}`];
    await session(async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('关爱对象').click();
      await page.getByTestId('care-table').locator('tr.ant-table-row').first().waitFor();
      await page.getByTestId('care-import').click();

      // the template names the admin's community and the district's kinds: the sheet is written from it
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('care-import-template').click()]);
      expect(download.suggestedFilename()).toBe('关爱对象导入模板.xlsx');
      const template = new ExcelJS.Workbook();
      await template.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const [sheet, lists] = template.worksheets;
      const heads = (sheet!.getRow(1).values as unknown[]).slice(1).map(String);
      const community = String(lists!.getRow(2).getCell(1).value);
      const kind = String(lists!.getRow(2).getCell(3).value);
      const row = (values: Record<string, string>) => heads.map((h) => values[h] ?? '');
      const workbook = async (rows: Record<string, string>[]) => {
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet('关爱对象');
        ws.addRow(heads);
        for (const r of rows) ws.addRow(row(r));
        return { name: 'care.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()) };
      };
      const good: Record<string, string>[] = [
        { 姓名: people[0]!, 称呼: '甲奶奶', 性别: '女', 出生年份: '1940', 所在社区: community, 关爱类别: kind, 需求: '每周探访' },
        { 姓名: people[1]!, 性别: '男', 出生年份: '1938', 所在社区: community, 关爱类别: kind, 监护人: '乙建国', 监护人电话: '13700000002' },
      ];
      const input = page.locator('.ant-modal input[type=file]');

      await input.setInputFiles(await workbook([good[0]!, { ...good[1]!, 性别: '未知', 关爱类别: '外星人' }]));
      const problems = page.getByTestId('care-import-problems');
      await problems.getByText('没有名为“外星人”的关爱类别（或已停用）').waitFor();
      expect(await problems.locator('tr.ant-table-row').count()).toBe(2);
      expect(await problems.locator('tr.ant-table-row').first().textContent()).toContain('3性别');
      await settled(page);
      await snap(page, 'care-desk-import-refused');
      // the error report: the sheet's rows back, the bad one with its problems
      const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('care-import-report').click()]);
      expect(report.suggestedFilename()).toBe('关爱对象导入问题报告.xlsx');
      const reportBook = new ExcelJS.Workbook();
      await reportBook.xlsx.load(fs.readFileSync((await report.path())!) as unknown as ArrayBuffer);
      const reported = reportBook.worksheets[0]!;
      expect(reported.rowCount).toBe(3);
      expect(String(reported.getRow(3).getCell(heads.length + 2).value)).toContain('性别：应为“男”或“女”');

      await input.setInputFiles(await workbook(good));
      await page.getByTestId('care-import-done').getByText('已导入 2 名关爱对象').waitFor();
      await page.locator('.ant-modal-footer .ant-btn').click();
      // nothing of the refused sheet went in: each person is there once, from the good sheet
      for (const person of people) {
        await page.getByLabel('姓名或称呼').fill(person);
        // the new people lead the unfiltered list too (never visited): wait for the search to narrow it
        const rows = page.getByTestId('care-table').locator('tr.ant-table-row');
        const shown = async () => ((await rows.count()) === 1 ? await rows.first().getByTestId('care-row-name').textContent() : `${await rows.count()} rows`);
        await expect.poll(shown, { timeout: 10_000 }).toBe(person);
      }
      expect(await rawKeysSeen(page)).toEqual([]);
    });
  });

  it('in English, the list and a record show words, never codes', async () => {
    await session(async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('People under care').click();
      const row = page.getByTestId('care-table').locator('tr.ant-table-row').first();
      await row.waitFor();
      await row.getByTestId('care-row-name').click();
      await page.getByTestId('care-record').waitFor();
      await page.getByTestId('care-pairing').waitFor();
      await page.getByTestId('care-visits').waitFor();
      await settled(page);
      await snap(page, 'care-desk-detail-en');
      expect(await rawKeysSeen(page)).toEqual([]);
    }, 'en');
  });
});
