import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { serverAndBrowser } from './support/suite.js';
import { deskLogin, openSession, phoneLogin } from './support/sessions.js';

const env = serverAndBrowser();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

describe('the deadline watch as its users see it', () => {
  it('the community admin filters the overdue items: every row is marked red, nearest deadline first', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
    contexts.push(context);
    await page.setViewportSize({ width: 1366, height: 768 });
    await deskLogin(page, demo.communityAdmin);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/needs' && r.url().includes('due=overdue'));
    await page.goto('/needs?due=overdue');
    const body = (await (await answer).json()) as { total: number; items: { overdue: boolean; deadlineAt: string }[] };
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((n) => n.overdue)).toBe(true);
    const deadlines = body.items.map((n) => n.deadlineAt);
    expect(deadlines).toEqual([...deadlines].sort());
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBe(Math.min(body.items.length, count));
    for (let i = 0; i < count; i++) {
      const tag = rows.nth(i).locator('.ant-tag-red', { hasText: '已超期' });
      expect(await tag.count()).toBe(1);
      // the deadline itself is in the danger colour
      expect(await rows.nth(i).locator('.ant-typography-danger').count()).toBeGreaterThan(0);
    }
    await snap(page, 'supervision-1-overdue-ledger');
  });

  it('the volunteer finds the deadline warning of a task she holds in the phone 消息 tab', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'phone');
    contexts.push(context);
    await phoneLogin(page, demo.volunteer);
    await page.getByTestId('h5-home').waitFor();
    await page.locator('.adm-tab-bar-item', { hasText: '消息' }).click();
    await page.getByTestId('h5-inbox').waitFor();
    const warning = page.getByTestId('h5-inbox-card').filter({ hasText: '办理时限过半' });
    await warning.first().waitFor();
    expect(await warning.first().textContent()).toContain('请抓紧办理');
    await snap(page, 'supervision-2-phone-warning');
    // her task list says how long each task has left, or how long it is overdue
    await page.locator('.adm-tab-bar-item', { hasText: '任务' }).click();
    const due = page.getByTestId('need-card-due');
    await due.first().waitFor();
    expect(await due.first().textContent()).toMatch(/办理期限 .*(剩|超期) /);
    await snap(page, 'supervision-4-phone-tasks');
  });

  it('the district admin sees the warnings still ahead waiting in the job queue, opening on what waits when nothing failed', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
    contexts.push(context);
    await page.setViewportSize({ width: 1366, height: 768 });
    await deskLogin(page, demo.districtAdmin);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    // nothing has failed in a fresh demo: the page opens on what waits
    const waiting = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/jobs' && r.url().includes('state=waiting'));
    await page.goto('/jobs');
    const body = (await (await waiting).json()) as { total: number };
    expect(await page.locator('.ant-segmented-item-selected').textContent()).toContain('等待中');
    expect(body.total).toBeGreaterThan(0);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '办理期限预警与超期提醒' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('等待中');
    await snap(page, 'supervision-3-job-queue');
  });
});
