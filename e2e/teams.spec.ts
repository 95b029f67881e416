import { describe, expect, it } from 'vitest';
import { ok } from './support/api.js';
import { demo, snap } from './support/browser.js';
import { deskLogin, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';
import { flows, settled } from './support/flows.js';

/*
 * 志愿服务队: the community admin founds a team on the back office with the demo volunteer as its
 * leader; on a phone (390×844) another volunteer of the community asks to join it, and the new
 * leader accepts on their phone.
 */
const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'teams');
const name = `E2E助老服务队${Date.now().toString(36)}`;
const LEADER = demo.volunteer;
const JOINER = demo.teamLeader;



describe('志愿服务队: an admin founds a team, a volunteer asks to join and the leader accepts on the phone', () => {
  let teamId = '';

  it('the community admin creates the team with its leader on the back office', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('志愿服务队').click();
      await page.getByTestId('teams-table').waitFor();
      await page.getByTestId('team-create').click();
      await page.getByTestId('team-name').fill(name);
      // the leader: found by phone in the admin's area
      await page.getByTestId('team-leader').click();
      await page.keyboard.type(LEADER);
      await page.locator('.ant-select-item-option', { hasText: '138****0005' }).click();
      await page.getByTestId('team-form-save').click();
      await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
      teamId = page.url().split('/').pop()!;
      await expect.poll(() => page.getByTestId('team-title').textContent()).toBe(name);
      const members = page.getByTestId('team-members').locator('tr.ant-table-row');
      await expect.poll(() => members.count()).toBe(1);
      expect(await members.first().textContent()).toContain('队长');
      await settled(page);
      await snap(page, 'teams-desk-created');
    });
  });

  it('a volunteer of the community finds it on the phone and asks to join', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, JOINER);
      await page.getByTestId('h5-home').waitFor();
      await page.goto('/h5/teams');
      const card = page.locator(`[data-testid=h5-team-card][data-team-id="${teamId}"]`);
      await card.waitFor();
      await card.getByTestId('h5-join').click();
      await page.getByTestId('join-message').locator('textarea:not([aria-hidden=true])').fill('我周末有空，会理发。');
      await page.getByTestId('join-submit').click();
      await page.locator('.lx-h5-sheet').waitFor({ state: 'hidden' });
      await expect.poll(() => card.textContent()).toContain('已申请，等待队长处理');
      await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
      await settled(page);
      await snap(page, 'teams-phone-asked');
    });
  });

  it('the leader sees the request under 我的服务队 and accepts it; the volunteer is a member', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, LEADER);
      await page.getByTestId('h5-home').waitFor();
      await page.goto('/h5/teams?tab=mine');
      const card = page.locator(`[data-testid=h5-team-card][data-team-id="${teamId}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain('1 个入队申请待处理');
      await card.locator('.lx-h5-need-main').click();
      await page.waitForURL(`**/h5/teams/${teamId}`);
      const request = page.getByTestId('h5-request');
      await request.waitFor();
      expect(await request.textContent()).toContain('我周末有空');
      await settled(page);
      await snap(page, 'teams-phone-requests');
      await request.getByTestId('h5-request-accept').click();
      await page.locator('.adm-dialog-button-bold').click();
      await request.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('h5-team').textContent()).toContain('队员（2）');
    });
    const joiner = await apiAs(JOINER);
    const team = await ok<{ me: { member: boolean; request: { status: string } | null } }>(joiner.get(`/api/teams/${teamId}`), 'team');
    expect(team.me).toMatchObject({ member: true, request: { status: 'accepted' } });
  });
});
