import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { serverAndBrowser } from './support/suite.js';
import { apiSessions, ok } from './support/api.js';
import { deskLogin, openSession, phoneLogin, waitForStatus } from './support/sessions.js';

const env = serverAndBrowser();
const title = `请志愿者帮忙买药（消息 E2E ${Date.now().toString(36)}）`;
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

const apiAs = apiSessions(env, contexts);

/** Events reach the inbox through the outbox, delivered every second: wait until this one has. */
async function waitForMessage(request: APIRequestContext, needId: string): Promise<{ title: string; body: string }> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const page = await ok<{ items: { title: string; body: string; subject: { id: string } }[] }>(request.get('/api/inbox?unread=true'), 'inbox');
    const found = page.items.find((m) => m.subject.id === needId);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no message about ${needId} within 20 s`);
}

/** Screenshots once antd's open and page-enter animations have finished, so nothing is half faded. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

describe('inbox: a volunteer hears of the task staff gave them', () => {
  let needId = '';
  let needNumber = '';

  it('a resident posts a need; the community dispatches it and the team leader assigns the volunteer', async () => {
    const resident = await apiAs(demo.resident);
    const me = await ok<{ account: { regionId: string } }>(resident.get('/api/auth/me'), 'me');
    const categories = await ok<{ id: string; code: string }[]>(resident.get('/api/need-categories'), 'categories');
    const need = await ok<{ id: string; number: string }>(
      resident.post('/api/needs', {
        data: { kind: 'serviceRequest', categoryId: categories.find((c) => c.code === 'elderly.escort')!.id, title, description: '老人行动不便，需要志愿者帮忙到药店买常用药。', regionId: me.account.regionId, address: '1号楼3单元' },
      }),
      'post need',
    );
    needId = need.id;
    needNumber = need.number;
    const admin = await apiAs(demo.communityAdmin);
    await ok(admin.post(`/api/needs/${needId}/accept`, { data: {} }), 'accept');
    const teams = await ok<{ id: string; name: string }[]>(admin.get('/api/teams'), 'teams');
    await ok(admin.post(`/api/needs/${needId}/dispatch`, { data: { teamId: teams.find((t) => t.name === '文化社区红马甲志愿服务队')!.id } }), 'dispatch');
    const leader = await apiAs(demo.teamLeader);
    await ok(leader.post(`/api/needs/${needId}/take`, { data: {} }), 'take');
    const volunteer = await apiAs(demo.volunteer);
    const volunteerId = (await ok<{ account: { id: string } }>(volunteer.get('/api/auth/me'), 'me')).account.id;
    await ok(leader.post(`/api/needs/${needId}/assign`, { data: { volunteerId } }), 'assign');
    const message = await waitForMessage(volunteer, needId);
    // the task by its title (cut at 20 characters) and its number
    expect(message).toEqual({ ...message, title: '新任务', body: `队长给您分配了任务「${[...title].slice(0, 19).join('')}…」（${needNumber}），请按时上门服务。` });
  });

  it('the volunteer sees the badge on the 消息 tab, the message in the list, and opens the task from it', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'phone');
    contexts.push(context);
    try {
      await phoneLogin(page, demo.volunteer);
      await page.getByTestId('h5-home').waitFor();
      await page.getByTestId('inbox-tab-badge').waitFor();
      await page.locator('.adm-tab-bar-item', { hasText: '消息' }).click();
      await page.getByTestId('h5-inbox').waitFor();
      const card = page.getByTestId('h5-inbox-card').filter({ hasText: needNumber });
      await card.waitFor();
      expect(await card.textContent()).toContain('新任务');
      await snap(page, 'inbox-1-volunteer-list');
      const read = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/inbox\/[0-9a-f-]{36}\/read$/.test(new URL(r.url()).pathname));
      await card.click();
      expect((await read).status()).toBe(200);
      await page.waitForURL(`**/h5/needs/${needId}`);
      await waitForStatus(page, 'h5-need-detail', 'claimed');
      // back in the list, the message is read
      await page.goto('/h5/inbox');
      await page.getByTestId('h5-inbox-card').filter({ hasText: needNumber }).waitFor();
      expect(await page.getByTestId('h5-inbox-card').filter({ hasText: needNumber }).getAttribute('class')).not.toContain('unread');
      await page.goto('/h5/inbox/preferences');
      await page.getByTestId('h5-inbox-preferences').waitFor();
      await snap(page, 'inbox-2-volunteer-preferences');
    } catch (error) {
      await snap(page, `inbox-failed-phone-${Date.now()}`).catch(() => undefined);
      throw error;
    }
  });

  it('the team leader sees the bell’s count and the dispatch in its dropdown and on the inbox page', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
    contexts.push(context);
    await page.setViewportSize({ width: 1366, height: 768 });
    await deskLogin(page, demo.teamLeader);
    await page.waitForURL('**/team-orders');
    const bell = page.getByTestId('inbox-bell');
    await bell.locator('.ant-badge-count').waitFor();
    await bell.click();
    const dropdown = page.getByTestId('inbox-dropdown');
    await dropdown.getByText(needNumber, { exact: false }).first().waitFor();
    await settled(page);
    await snap(page, 'inbox-3-desk-bell');
    await dropdown.getByText('查看全部').click();
    await page.waitForURL('**/inbox');
    await page.getByTestId('inbox-page-table').locator('tr', { hasText: needNumber }).first().waitFor();
    await settled(page);
    await snap(page, 'inbox-4-desk-page');
  });
});
