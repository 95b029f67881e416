import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, guideSnap, snap } from './support/browser.js';
import { holdList, listResponse, settledTable, tableBusy } from './support/lists.js';
import { settledHome, settledPage } from './support/phone-home.js';
import { makePng } from './support/png.js';
import { deskLogin, openSession, phoneLogin, readNeed, waitForStatus } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/** Toasts fade after a moment; screenshots are taken once they have, so they do not cover the page. */
const toastGone = (page: Page) => page.locator('.adm-toast-mask').waitFor({ state: 'detached' });

/** An uploaded photo shows its thumbnail without the "uploading" spinner. */
const uploaded = async (page: Page) => {
  await page.locator('.adm-image-uploader-cell img').first().waitFor();
  await page.locator('.adm-image-uploader-cell-loading').waitFor({ state: 'detached' });
};

/** A photo taken "with the phone camera": a real PNG, since the server sniffs what it stores. */
const photo = (name: string, colours: [number[], number[]]) => ({ name, mimeType: 'image/png', buffer: makePng(160, 160, ...colours) });
// what a resident would write (its capture illustrates the volunteer's guide), found by no other need's title
const title = '母亲 78 岁独居，想请志愿者周末上门理发';

const env = serverAndBrowser();

/** Runs one person's part in their own browser session; a failure leaves a screenshot behind. */
async function as(device: 'phone' | 'desk', act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, device);
  try {
    await act(page);
  } catch (error) {
    await snap(page, `orders-failed-${device}-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

type NeedsPage = { items: { number: string; title: string }[]; total: number };
const ledgerTable = (page: Page) => page.getByTestId('needs-table');
/** The ledger's answer to a keyword (or to no filter at all: q null). */
const ledgerAnswer = (q: string | null) => ({ path: '/api/needs', params: { view: 'all', q } });

/** The need numbers the ledger table shows, once it shows the answer for the filters on screen. */
async function ledgerNumbers(page: Page): Promise<string[]> {
  const table = await settledTable(ledgerTable(page));
  return table.locator('tr.ant-table-row').getByTestId('need-link').allTextContents();
}

/** A title from the community's ledger and what the server answers for it, asked through the API. */
async function pickKeyword(page: Page): Promise<{ keyword: string; expected: NeedsPage }> {
  const all = (await (await page.request.get('/api/needs?view=all&page=1&pageSize=20')).json()) as NeedsPage;
  for (const { title } of all.items) {
    const expected = (await (await page.request.get(`/api/needs?view=all&page=1&pageSize=20&q=${encodeURIComponent(title)}`)).json()) as NeedsPage;
    if (expected.total > 0 && expected.total < Math.min(all.total, 20)) return { keyword: title, expected };
  }
  throw new Error('no title in the first page of the ledger narrows it');
}

/** The server's answer to an order action taken on the page (POST /api/needs/:id/<action>). */
const actionAnswer = (page: Page, id: string, action: string) =>
  page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === `/api/needs/${id}/${action}`);

async function searchLedger(page: Page, keyword: string) {
  await page.getByPlaceholder('标题或需求编号').fill(keyword);
  await page.getByRole('button', { name: /查\s*询/ }).click();
}

/** Issue 12, finding 11: the keyword box showed a title while the table still listed all 80 needs. */
describe('needs ledger: the table shows only the answer to the filters on screen', () => {
  it('while a keyword search is on its way, the table shows a spinner, not the rows of the previous filters', async () => {
    await as('desk', async (page) => {
      await page.setViewportSize({ width: 1366, height: 768 }); // the office's common laptop screen
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      const { keyword, expected } = await pickKeyword(page);
      const everything = listResponse(page, ledgerAnswer(null));
      await page.getByTestId('side-menu').getByText('需求台账').click();
      await everything;
      await ledgerTable(page).locator('tr.ant-table-row').nth(19).waitFor();

      const held = await holdList(page, ledgerAnswer(keyword));
      await searchLedger(page, keyword);
      await held.requested;
      // the page has asked for the keyword's answer and has not got it: nothing may stand in for it
      const table = ledgerTable(page);
      expect(await table.locator('tr.ant-table-row').count()).toBe(0);
      expect(await tableBusy(table)).toBe('true');
      expect(await table.locator('.ant-empty').count()).toBe(0);
      await snap(page, 'ledger-search-waiting');

      const answered = listResponse(page, ledgerAnswer(keyword));
      held.release();
      await answered;
      expect(await ledgerNumbers(page)).toEqual(expected.items.map((n) => n.number));
    });
  });

  it('when the unfiltered ledger answers after a keyword search, the table keeps the keyword\'s rows', async () => {
    await as('desk', async (page) => {
      await page.setViewportSize({ width: 1366, height: 768 }); // the office's common laptop screen
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      const { keyword, expected } = await pickKeyword(page);
      const held = await holdList(page, ledgerAnswer(null));
      await page.getByTestId('side-menu').getByText('需求台账').click();
      await held.requested;
      // first visit, no answer yet: a spinner over the table, not 暂无数据 under it
      const table = ledgerTable(page);
      await table.waitFor();
      expect(await table.locator('.ant-empty').count()).toBe(0);
      expect(await tableBusy(table)).toBe('true');

      const answered = listResponse(page, ledgerAnswer(keyword));
      await searchLedger(page, keyword);
      await answered;
      expect(await ledgerNumbers(page)).toEqual(expected.items.map((n) => n.number));

      // the superseded request was aborted when the keyword was applied: its answer cannot land
      held.release();
      expect(await held.settled).toBe('aborted');
      expect(await ledgerNumbers(page)).toEqual(expected.items.map((n) => n.number));
      expect(await page.getByPlaceholder('标题或需求编号').inputValue()).toBe(keyword);
      await snap(page, 'ledger-search-answered');
    });
  });
});

/** The whole chain (SPEC intro): 群众点单 → 社区派单 → 队伍接单 → 成员领单 → 群众评单, five logins. */
describe('orders: one need travels the whole chain through the pages', () => {
  let needId = '';

  it('a resident posts a need with a camera photo from the phone; it starts as 已点单 at their home', async () => {
    await as('phone', async (page) => {
      await phoneLogin(page, demo.resident);
      await settledHome(page);
      await page.getByTestId('service-needs').click();
      await page.getByTestId('h5-need-post').waitFor();
      // 提交 on the empty form, far below 分类: its message is brought into sight (it stayed above the
      // screen, and the tap seemed to do nothing)
      await page.getByTestId('need-post-submit').click();
      const firstError = () =>
        page.evaluate(() => {
          const e = document.querySelector('.adm-form-item-feedback-error');
          if (!e) return 'none';
          const r = e.getBoundingClientRect();
          return `${e.textContent} ${r.top >= 0 && r.bottom <= window.innerHeight ? 'in sight' : 'out of sight'}`;
        });
      await expect.poll(firstError).toBe('请选择分类 in sight');
      await page.getByTestId('category-field').click();
      await page.locator('.adm-cascader-view').getByText('助老服务', { exact: true }).click();
      await page.locator('.adm-cascader-view').getByText('上门理发', { exact: true }).click();
      await page.locator('.adm-cascader-header-button').last().click();
      await page.locator('.adm-popup').waitFor({ state: 'detached' });
      await page.getByPlaceholder('一句话说明需要什么帮助').fill(title);
      await page.getByPlaceholder('请描述具体情况').fill('母亲 78 岁，腿脚不便，独自在家，想请志愿者周末上门理发。');
      await page.locator('input[type=file]').setInputFiles(photo('room.png', [[179, 21, 28], [245, 195, 66]]));
      await uploaded(page);
      // the same kind of need nearby, once looked for, may have pushed the questions down
      await settledPage(page, 'h5-need-post');
      await page.locator('.adm-selector-item', { hasText: /^是$/ }).click();
      await snap(page, 'orders-1-resident-post');
      await page.getByTestId('need-post-submit').click();
      await page.waitForURL(/\/h5\/needs\/[0-9a-f-]{36}$/);
      needId = page.url().split('/').at(-1)!;
      await waitForStatus(page, 'h5-need-detail', 'submitted');
      expect(await page.getByTestId('h5-need-detail').textContent()).toContain('1号楼');
      const need = await readNeed(page, needId);
      expect(need.timeline.map((e) => e.action)).toEqual(['submit']);
      await toastGone(page);
      await snap(page, 'orders-1-resident-posted');
    });
  });

  it('the community admin finds it in the ledger, accepts it and dispatches it to the demo team', async () => {
    await as('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('side-menu').getByText('需求台账').click();
      const answered = listResponse(page, ledgerAnswer(title));
      await searchLedger(page, title);
      const found = (await (await answered).json()) as NeedsPage;
      expect(found.items.map((n) => n.title)).toEqual([title]);
      expect(await ledgerNumbers(page)).toEqual([found.items[0]!.number]);
      await snap(page, 'orders-2-admin-ledger');
      await ledgerTable(page).getByTestId('need-link').click();
      await waitForStatus(page, 'need-detail', 'submitted');
      await page.locator('[data-action=accept]').click();
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await waitForStatus(page, 'need-detail', 'accepted');
      await page.locator('[data-action=dispatch]').click();
      await page.getByTestId('team-picker').locator('tr', { hasText: '文化社区红马甲志愿服务队' }).click();
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await waitForStatus(page, 'need-detail', 'dispatched');
      expect(await page.getByTestId('need-timeline').textContent()).toContain('文化社区红马甲志愿服务队');
      await snap(page, 'orders-2-admin-dispatched');
    });
  });

  it('the team leader, let into the back office for their inbox and their team’s activities only, takes it and assigns a member', async () => {
    await as('desk', async (page) => {
      await deskLogin(page, demo.teamLeader);
      await page.waitForURL('**/team-orders');
      // a leader organises their team's activities too (modules/activities)
      expect((await page.getByTestId('side-menu').textContent())?.trim()).toBe('首页队长接单志愿活动');
      const row = () => page.getByTestId('inbox-table').locator('tr', { hasText: title });
      await row().locator('[data-action=take]').click();
      const took = actionAnswer(page, needId, 'take');
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      expect((await took).status()).toBe(200);
      expect((await readNeed(page, needId)).status).toBe('taken');
      await page.locator('.ant-segmented-item', { hasText: '待指派' }).click();
      await row().locator('[data-action=assign]').click();
      await page.getByTestId('roster-search').fill('刘芳');
      await page.getByTestId('team-roster').locator('tr', { hasText: '刘芳' }).click();
      await snap(page, 'orders-3-leader-assign');
      const assigned = actionAnswer(page, needId, 'assign');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      expect((await assigned).status()).toBe(200);
      expect((await readNeed(page, needId)).status).toBe('claimed');
      await page.goto(`/needs/${needId}`);
      await waitForStatus(page, 'need-detail', 'claimed');
      await snap(page, 'orders-3-leader-assigned');
    });
  });

  it('the volunteer checks in on site and closes the task with a summary and a photo', async () => {
    await as('phone', async (page) => {
      await phoneLogin(page, demo.volunteer);
      await page.getByTestId('h5-home').waitFor();
      await page.locator('.adm-tab-bar-item', { hasText: '任务' }).click();
      await page.getByTestId('need-card').filter({ hasText: title }).locator('.lx-h5-need-main').click();
      await waitForStatus(page, 'h5-need-detail', 'claimed');
      await page.getByText('是否独居').waitFor();
      await guideSnap(page, 'orders-4-volunteer-task');
      await page.locator('[data-action=checkIn]').click();
      await page.locator('.adm-dialog-button-bold').click();
      await waitForStatus(page, 'h5-need-detail', 'in_service');
      await page.locator('[data-action=complete]').click();
      await page.getByTestId('h5-close-task').waitFor();
      await page.getByPlaceholder('写明服务内容').fill('上门为老人理发约 40 分钟，顺便打扫了碎发，老人很满意。');
      await page.locator('input[type=file]').setInputFiles(photo('haircut.png', [[36, 104, 170], [250, 250, 250]]));
      await uploaded(page);
      await toastGone(page);
      await snap(page, 'orders-4-volunteer-close');
      await page.getByTestId('close-submit').click();
      await waitForStatus(page, 'h5-need-detail', 'completed');
      await toastGone(page);
      await snap(page, 'orders-4-volunteer-closed');
    });
  });

  it('the resident rates five stars; the order is 已办结 and the timeline shows every step', async () => {
    await as('phone', async (page) => {
      await phoneLogin(page, demo.resident);
      await page.getByTestId('h5-home').waitFor();
      await page.locator('.adm-tab-bar-item', { hasText: '需求' }).click();
      await page.getByTestId('need-card').filter({ hasText: title }).locator('.lx-h5-need-main').click();
      await waitForStatus(page, 'h5-need-detail', 'completed');
      await page.locator('[data-action=rate]').click();
      await page.getByTestId('rate-stars').getByRole('radio', { name: '5' }).tap(); // the stars follow touch events on a phone
      await page.getByPlaceholder('说说您的感受').fill('志愿者很耐心，谢谢社区！');
      await page.getByTestId('rate-submit').click();
      await waitForStatus(page, 'h5-need-detail', 'closed');
      expect(await page.locator('.lx-h5-need-hero').textContent()).toContain('已办结');
      const steps = page.getByTestId('need-steps').getByTestId('timeline-event');
      const shown = await steps.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
      expect(shown.reverse()).toEqual(['submit', 'accept', 'dispatch', 'take', 'assign', 'checkIn', 'complete', 'rate', 'close']);
      const text = await page.getByTestId('need-steps').textContent();
      for (const label of ['群众点单', '社区受理', '社区派单', '队伍接单', '队长指派', '志愿者签到', '服务结单', '群众评单', '办结归档']) expect(text).toContain(label);
      await toastGone(page);
      await snap(page, 'orders-5-resident-rated');
    });
  });
});
