import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { settled } from './support/flows.js';
import { settledTable } from './support/lists.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/** The demo's staff (server/src/demo/fixed-accounts.ts) and the team leader, all over community 1 or above. */
const staff = [
  { role: 'district admin', phone: demo.districtAdmin },
  { role: 'street admin', phone: '13800000001' },
  { role: 'community admin', phone: demo.communityAdmin },
  { role: 'grid worker', phone: '13800000003' },
] as const;

type Bucket = { key: string; status: string | null; due: string | null; count: number };
type Counts = { view: 'all' | 'team'; buckets: Bucket[] };
type NeedsPage = { total: number; items: { id: string; overdue: boolean; paused: boolean; deadlineAt: string | null; status: string }[] };
/** The states in which a deadline runs (server: needs.lifecycle.ts deadlineRunningStatuses). */
const deadlineRunning = ['accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service', 'reopened', 'escalated'];

const env = serverAndBrowser();

async function deskAt(size: { width: number; height: number }, phone: string, act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
  try {
    await page.setViewportSize(size);
    await deskLogin(page, phone);
    await page.getByTestId('side-menu').waitFor();
    await act(page);
  } catch (error) {
    await snap(page, `workbench-failed-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}
const laptop = { width: 1366, height: 768 };

/** A full-page screenshot from the top, so the fixed header is where it belongs. */
async function snapTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await snap(page, name);
}

const countsAnswer = (page: Page) => page.waitForResponse((r) => new URL(r.url()).pathname === '/api/needs/counts' && r.status() === 200);
const listAnswer = (page: Page) => page.waitForResponse((r) => new URL(r.url()).pathname === '/api/needs' && r.status() === 200);
const totalShown = async (page: Page, table: string) => {
  await settledTable(page.getByTestId(table));
  return page.locator('.ant-pagination-total-text').innerText();
};

/**
 * Opens 首页 and answers what it counted, once the cards show it. The sign-in already lands there, and
 * its count may still be on its way when the page is opened afresh by its address (its answer's body
 * is then gone with the page): every answer is read as it arrives, and the last one is the new page's.
 */
async function openHome(page: Page): Promise<Counts> {
  const answers: Promise<Counts | undefined>[] = [];
  const keep = (r: Response) => {
    if (new URL(r.url()).pathname === '/api/needs/counts' && r.status() === 200) answers.push(r.json().catch(() => undefined) as Promise<Counts | undefined>);
  };
  page.on('response', keep);
  try {
    await page.goto('/');
    // the cards show a count only once its answer came, so that answer is among those kept
    await page.getByTestId('workbench-todos').locator('[data-count]').first().waitFor();
    const counts = await answers.at(-1);
    if (!counts) throw new Error('首页 showed counts without an answer from /api/needs/counts');
    return counts;
  } finally {
    page.off('response', keep);
  }
}

describe('首页: what each role has to do now', () => {
  for (const { role, phone } of staff) {
    it(`a ${role} sees the to-dos of their subtree, and a count opens the list with as many`, async () => {
      await deskAt(laptop, phone, async (page) => {
        const counts = await openHome(page);
        expect(counts.view).toBe('all');
        for (const key of ['intake', 'toDispatch', 'toTake', 'toRate', 'dueSoon', 'overdue']) {
          const bucket = counts.buckets.find((b) => b.key === key)!;
          expect([key, await page.getByTestId(`todo-${key}`).getAttribute('data-count')]).toEqual([key, String(bucket.count)]);
        }
        // overdue (in red) when there is any, else the first thing waiting
        const pick = ['overdue', 'intake', 'toDispatch'].map((k) => counts.buckets.find((b) => b.key === k)!).find((b) => b.count > 0)!;
        if (pick.key === 'overdue') expect(await page.getByTestId('todo-overdue').getAttribute('class')).toContain('lx-todo-danger');
        if (role === 'district admin') {
          await page.getByTestId('workbench-trend').locator('canvas').waitFor();
          await page.getByTestId('workbench-category-chart').locator('canvas').waitFor();
          await snapTop(page, 'workbench-desk-district-1366');
        }
        const listed = listAnswer(page);
        await page.getByTestId(`todo-${pick.key}`).click();
        await page.waitForURL('**/needs?**');
        const list = (await (await listed).json()) as NeedsPage;
        expect(list.total).toBe(pick.count);
        expect(await totalShown(page, 'needs-table')).toBe(`共 ${pick.count} 条`);
        expect(await page.getByTestId('breadcrumb').innerText()).toContain('需求台账');
      });
    });
  }

  it('a team leader sees their teams’ orders to take, assign and serve, and a count opens their inbox with as many', async () => {
    await deskAt(laptop, demo.teamLeader, async (page) => {
      await page.waitForURL('**/team-orders');
      const counts = await openHome(page);
      expect(counts.view).toBe('team');
      for (const key of ['toTake', 'toAssign', 'serving', 'dueSoon', 'overdue']) {
        const bucket = counts.buckets.find((b) => b.key === key)!;
        expect([key, await page.getByTestId(`todo-${key}`).getAttribute('data-count')]).toEqual([key, String(bucket.count)]);
      }
      await snapTop(page, 'workbench-desk-leader-1366');
      const pick = counts.buckets.find((b) => b.key !== 'all' && b.count > 0) ?? counts.buckets.find((b) => b.key === 'toTake')!;
      const listed = listAnswer(page);
      await page.getByTestId(`todo-${pick.key}`).click();
      await page.waitForURL('**/team-orders?**');
      expect(((await (await listed).json()) as NeedsPage).total).toBe(pick.count);
      expect(await totalShown(page, 'inbox-table')).toBe(`共 ${pick.count} 条`);
      // an order opened from the inbox is named under 队长接单; a staff page says only 无权访问
      const crumbs = async () => (await page.getByTestId('breadcrumb').locator('.ant-breadcrumb-link').allInnerTexts()).map((c) => c.trim());
      const order = ((await (await page.request.get('/api/needs?view=team&pageSize=1')).json()) as NeedsPage).items[0]!;
      await page.goto(`/needs/${order.id}`);
      await page.getByTestId('need-detail').waitFor();
      await expect.poll(crumbs).toEqual(['首页', '队长接单', '详情']);
      await page.goto('/accounts');
      await page.locator('.ant-result-403').waitFor();
      await expect.poll(crumbs).toEqual(['首页', '无权访问']);
    });
  });
});

describe('the needs ledger as staff expect it', () => {
  it('a page asked for past the end (page=999) goes back to the last page that has rows', async () => {
    await deskAt(laptop, demo.communityAdmin, async (page) => {
      await page.goto('/needs?page=999&pageSize=20');
      await page.waitForURL((url) => !['999', null].includes(url.searchParams.get('page')));
      const table = page.getByTestId('needs-table');
      await settledTable(table);
      const shown = Number(new URL(page.url()).searchParams.get('page'));
      const total = Number((await totalShown(page, 'needs-table')).replace(/\D/g, ''));
      expect(shown).toBe(Math.max(1, Math.ceil(total / 20)));
      await expect.poll(() => table.locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    });
  });

  it('puts the overdue first when asked, counts each status tab, names the full place, and fits a 1366×768 laptop', async () => {
    await deskAt(laptop, demo.districtAdmin, async (page) => {
      const counted = countsAnswer(page);
      await page.getByTestId('side-menu').getByText('需求台账').click();
      const counts = (await (await counted).json()) as Counts;
      await settledTable(page.getByTestId('needs-table'));
      // every tab says how many it holds, as counted for the same filters
      for (const key of ['all', 'intake', 'toDispatch', 'inProgress']) {
        const n = counts.buckets.find((b) => b.key === key)!.count;
        expect([key, await page.getByTestId(`stage-${key}`).locator('.lx-stage-count').innerText()]).toEqual([key, String(n)]);
      }
      const overdue = counts.buckets.find((b) => b.key === 'overdue')!.count;
      expect(overdue).toBeGreaterThan(0); // the demo district always has some (figures.spec counts on it too)

      const sorted = listAnswer(page);
      await page.getByTestId('ledger-sort').click();
      await page.locator('.ant-select-item-option', { hasText: '超期优先' }).click();
      const list = (await (await sorted).json()) as NeedsPage;
      expect(page.url()).toContain('sort=overdueFirst');
      const shown = Math.min(overdue, list.items.length);
      expect(list.items.slice(0, shown).every((n) => n.overdue)).toBe(true);
      expect(list.items.slice(shown).some((n) => n.overdue)).toBe(false);
      // then the other running deadlines, nearest first
      const running = list.items.filter((n) => deadlineRunning.includes(n.status) && n.deadlineAt && !n.paused);
      expect(list.items.slice(0, running.length)).toEqual(running);
      const deadlines = running.map((n) => Date.parse(n.deadlineAt!));
      expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
      await settledTable(page.getByTestId('needs-table'));
      const firstRow = page.getByTestId('needs-table').locator('tr.ant-table-row').first();
      expect(await firstRow.getByTestId('deadline-text').locator('.ant-typography-danger').count()).toBeGreaterThan(0);
      // 街道 › 社区 › 网格 › 楼栋, not one level
      expect((await firstRow.getByTestId('need-place').innerText()).split('›').length).toBeGreaterThanOrEqual(3);
      // more than four rows fit on the laptop screen without scrolling the page
      const rows = page.getByTestId('needs-table').locator('tr.ant-table-row');
      let inView = 0;
      for (let i = 0; i < (await rows.count()); i++) {
        const box = await rows.nth(i).boundingBox();
        if (box && box.y + box.height <= laptop.height) inView++;
      }
      expect(inView).toBeGreaterThan(4);
      await snapTop(page, 'workbench-ledger-1366');

      // picked rows belong to their tab: switching tabs lets them go
      await firstRow.locator('.ant-checkbox-input').check();
      await page.getByTestId('bulk-bar').waitFor();
      await page.getByTestId('stage-intake').click();
      await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });

      // 列设置: a hidden column stays hidden after a reload, until shown again
      const requesterHeader = () => page.getByTestId('needs-table').locator('thead th', { hasText: '求助人' }).count();
      await page.getByTestId('column-settings-button').click();
      await page.getByTestId('column-settings').getByLabel('求助人').uncheck();
      await expect.poll(requesterHeader).toBe(0);
      await page.reload();
      await settledTable(page.getByTestId('needs-table'));
      expect(await requesterHeader()).toBe(0);
      await page.getByTestId('column-settings-button').click();
      await page.getByTestId('column-settings').getByText('恢复默认').click();
      await expect.poll(requesterHeader).toBe(1);
      await page.keyboard.press('Escape');

      // the deadline column stays clear of the fixed 操作 column at every common width
      for (const width of [1366, 1440, 1920]) {
        await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
        await settledTable(page.getByTestId('needs-table'));
        const header = (name: string) => page.getByTestId('needs-table').locator('thead th', { hasText: name }).first().boundingBox();
        const [deadline, actions] = [await header('办理期限'), await header('操作')];
        expect(deadline!.x + deadline!.width).toBeLessThanOrEqual(actions!.x + 1);
        expect(deadline!.x + deadline!.width).toBeLessThanOrEqual(width);
      }
      await page.getByTestId('stage-all').click();
      await settledTable(page.getByTestId('needs-table'));
      expect(await page.getByTestId('bulk-bar').count()).toBe(0);
      await snapTop(page, 'workbench-ledger-1920');
    });
  });

  it('the detail names the full place and shows its volunteers unclipped at 1366×768', async () => {
    await deskAt(laptop, demo.communityAdmin, async (page) => {
      const found = await page.request.get('/api/needs?view=all&status=in_service,completed,rated,closed&pageSize=1');
      const need = ((await found.json()) as NeedsPage).items[0]!;
      await page.goto(`/needs/${need.id}`);
      await page.getByTestId('need-detail').waitFor();
      expect((await page.getByTestId('need-place').innerText()).split('›').length).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('breadcrumb').innerText()).toContain('详情');
      const table = page.getByTestId('need-assignments');
      await table.waitFor();
      // no horizontal scroll inside the card: every column is in view
      const clipped = await table.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(clipped).toBe(false);
      await snapTop(page, 'workbench-detail-1366');
    });
  });
});
