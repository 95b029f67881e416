import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { deskLogin, openSession, readNeed } from './support/sessions.js';
import { settledTable } from './support/lists.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();

type Changes = { canAsk: boolean; items: { state: string }[] };

/** A need of the signed-in leader's team on which a pause or an extension may be asked now. */
async function askableNeed(page: Page): Promise<string> {
  const list = (await (await page.request.get('/api/needs?view=team&pageSize=50')).json()) as { items: { id: string }[] };
  for (const n of list.items) {
    const changes = (await (await page.request.get(`/api/oversight/needs/${n.id}/deadline-changes`)).json()) as Changes;
    if (changes.canAsk) return n.id;
  }
  throw new Error('no need of the team may be asked about');
}

/** A need of the leader's team whose clock is paused. */
async function pausedNeed(page: Page): Promise<string> {
  const list = (await (await page.request.get('/api/needs?view=team&pageSize=50')).json()) as { items: { id: string; paused: boolean }[] };
  const found = list.items.find((n) => n.paused);
  if (!found) throw new Error('no paused need in the team');
  return found.id;
}

async function inSession(device: 'desk', work: (page: Page) => Promise<void>, name: string) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, device);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await work(page);
  } catch (error) {
    await snap(page, `${name}-failed-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

describe('pauses, extensions and supervision (back office)', () => {
  it('the team leader asks for more time; the community admin approves it from 待审批 and records a supervision', async () => {
    let needId = '';
    await inSession('desk', async (page) => {
      await deskLogin(page, demo.teamLeader);
      await page.waitForURL((url) => url.pathname !== '/login');
      needId = await askableNeed(page);
      // the demo may have asked about this need before (and had it decided): count what is there already
      const askedBefore = (await readNeed(page, needId)).timeline.filter((e) => e.action === 'extendAsk').length;
      await page.goto(`/needs/${needId}`);
      await page.getByTestId('ask-extension').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('ask-reason').fill('居民要求周末上门，申请顺延两天');
      await dialog.getByTestId('ask-days').fill('2');
      await snap(page, 'oversight-ask-modal');
      await dialog.getByRole('button', { name: '提交申请' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('[data-testid=deadline-change][data-state=requested][data-kind=extension]').waitFor();
      const asks = page.locator('[data-testid=timeline-event][data-action=extendAsk]');
      await expect.poll(() => asks.count(), { timeout: 10_000 }).toBe(askedBefore + 1);
      await snap(page, 'oversight-asked');

      // the demo has one of the team's needs paused: no countdown to overdue, and the leader may resume it
      const paused = await pausedNeed(page);
      await page.goto(`/needs/${paused}`);
      await page.getByTestId('resume').waitFor();
      await page.locator('[data-testid=deadline-change][data-state=approved][data-kind=pause]').waitFor();
      await snap(page, 'oversight-paused');
    }, 'oversight-ask');

    await inSession('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.waitForURL((url) => url.pathname === '/');
      // the top bar counts what waits for this admin
      await page.getByTestId('decisions-badge').locator('.ant-badge-count').waitFor();
      await page.getByTestId('decisions-badge').click();
      await page.waitForURL((url) => url.pathname === '/oversight/decisions');
      const table = await settledTable(page.getByTestId('decisions'));
      const row = table.locator('tr.ant-table-row', { hasText: '居民要求周末上门' });
      await row.waitFor();
      await snap(page, 'oversight-decisions');
      await row.getByRole('button', { name: /批\s*准/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('decide-note').fill('同意，请与居民确认时间');
      await dialog.getByRole('button', { name: /批\s*准/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.waitFor({ state: 'detached' });

      const before = await readNeed(page, needId);
      const supervisedBefore = before.timeline.filter((e) => e.action === 'supervise').length;
      const approvedNow = before.timeline.filter((e) => e.action === 'extendApprove').length;
      await page.goto(`/needs/${needId}`);
      const approved = page.locator('[data-testid=deadline-change][data-state=approved][data-kind=extension]');
      await expect.poll(() => approved.count(), { timeout: 10_000 }).toBe(approvedNow);
      await page.getByTestId('add-supervision').click();
      const record = page.getByRole('dialog');
      await record.getByTestId('record-outcome').fill('电话联系队长，确认周六上午上门');
      await record.getByRole('button', { name: /保\s*存/ }).click();
      await record.waitFor({ state: 'detached' });
      await page.locator('[data-testid=supervision][data-kind=phoneCallback]').waitFor();
      const supervisions = page.locator('[data-testid=timeline-event][data-action=supervise]');
      await expect.poll(() => supervisions.count(), { timeout: 10_000 }).toBe(supervisedBefore + 1);
      await snap(page, 'oversight-need-detail');
      const need = await readNeed(page, needId);
      expect(need.timeline.map((e) => e.action).slice(-3)).toEqual(['extendAsk', 'extendApprove', 'supervise']);
    }, 'oversight-approve');
  });
});
