import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSessions, ok } from './support/api.js';
import { demo, snap } from './support/browser.js';
import { settledHome } from './support/phone-home.js';
import { deskLogin, openSession, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();
const title = `楼道清洁志愿活动（E2E ${Date.now().toString(36)}）`;
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});
const apiAs = apiSessions(env, contexts);

/** A phone session (390×844) signed in as one demo person. */
async function phone(person: string): Promise<Page> {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, 'phone');
  contexts.push(context);
  await phoneLogin(page, person);
  await settledHome(page);
  return page;
}

async function step(page: Page, name: string, act: () => Promise<void>) {
  try {
    await act();
  } catch (error) {
    await snap(page, `activities-failed-${name}-${Date.now()}`).catch(() => undefined);
    throw error;
  }
}

type Signups = { items: { accountId: string; status: string; checkedInAt: string | null; checkInVia: string | null }[] };

describe('活动: a volunteer signs up on the phone and checks in with the organiser’s rotating QR code', () => {
  let activityId = '';
  let volunteerPage: Page;

  it('the team leader schedules an activity of their team, starting in half an hour', async () => {
    const leader = await apiAs(demo.teamLeader);
    const [team] = await ok<{ id: string }[]>(leader.get('/api/teams/mine'), 'my teams');
    const start = Date.now() + 30 * 60_000;
    const made = await ok<{ first: { id: string } }>(
      leader.post('/api/activities', {
        data: { title, description: '清理楼道杂物，张贴消防提示。', categoryCode: 'environment', place: '1号楼楼下', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString(), capacity: 10, teamId: team!.id, publish: true },
      }),
      'schedule activity',
    );
    activityId = made.first.id;
  });

  it('the volunteer finds it under 志愿活动 and signs up (接龙)', async () => {
    volunteerPage = await phone(demo.volunteer);
    const page = volunteerPage;
    await step(page, 'signup', async () => {
      await page.getByTestId('service-activities').click();
      await page.getByTestId('h5-activities').waitFor();
      await page.getByTestId('activity-card').filter({ hasText: title }).locator('.lx-h5-need-main').click();
      await page.locator('[data-testid=h5-activity-detail][data-status=published]').waitFor();
      await snap(page, 'activities-h5-detail');
      await page.getByTestId('activity-signup').click();
      await page.locator('[data-testid=h5-activity-detail][data-me=signed]').waitFor();
      expect(await page.getByTestId('my-signup').textContent()).toBe('已报名');
    });
  });

  it('the organiser’s phone shows the signed code; the volunteer types it in and is checked in, once', async () => {
    const organiser = await phone(demo.teamLeader);
    let code = '';
    await step(organiser, 'code', async () => {
      await organiser.goto(`/h5/activities/${activityId}/code`);
      const qr = organiser.getByTestId('activity-qr');
      await qr.waitFor();
      code = (await qr.getAttribute('data-code')) ?? '';
      expect(code).toMatch(new RegExp(`^LXA1\\.${activityId}\\.i\\.\\d+\\.[\\w-]+$`));
      await snap(organiser, 'activities-h5-organiser-code');
    });

    const page = volunteerPage;
    await step(page, 'check-in', async () => {
      await page.getByTestId('activity-go-checkin').click();
      await page.getByTestId('h5-check-in').waitFor();
      await page.getByTestId('check-in-code').locator('input').fill(code);
      await page.getByTestId('check-in-submit').click();
      await page.getByTestId('check-in-done').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('check-in-done').textContent()).toContain('签到成功');
      await snap(page, 'activities-h5-checked-in');

      // the same code again: already checked in, said in words
      await page.goto('/h5/activities/check-in');
      await page.getByTestId('check-in-code').locator('input').fill(code);
      await page.getByTestId('check-in-submit').click();
      await page.locator('.adm-toast-main', { hasText: '您已签到' }).waitFor({ timeout: 15_000 });
    });

    const leader = await apiAs(demo.teamLeader);
    const list = await ok<Signups>(leader.get(`/api/activities/${activityId}/signups`), 'signups');
    expect(list.items.filter((s) => s.checkedInAt !== null && s.checkInVia === 'qr')).toHaveLength(1);
  });

  it('on the back office the organiser finds the activity and sees the volunteer checked in by code', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
    contexts.push(context);
    await step(page, 'desk', async () => {
      await deskLogin(page, demo.teamLeader);
      await page.getByTestId('side-menu').getByText('志愿活动').click();
      await page.getByTestId('activities-table').locator('tr.ant-table-row', { hasText: title }).getByTestId('activity-link').click();
      await page.locator(`[data-testid=activity-detail][data-activity-id="${activityId}"]`).waitFor();
      const row = page.getByTestId('signups-table').locator('tr.ant-table-row').first();
      await row.waitFor();
      expect(await row.textContent()).toContain('扫码');
      await snap(page, 'activities-desk-detail');
    });
  });
});
