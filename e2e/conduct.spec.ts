import { describe, expect, it } from 'vitest';
import { ok } from './support/api.js';
import { demo, snap } from './support/browser.js';
import { flows, settled } from './support/flows.js';
import { settledHome } from './support/phone-home.js';
import { deskLogin, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/** The demo's street admin of street 1 (server/src/demo/fixed-accounts.ts); the volunteer is 刘芳. */
const STREET_ADMIN = '13800000001';
const VOLUNTEER_NAME = '刘芳';

const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'conduct', { deskLaptop: true });
const what = `11月30日虚报服务时长三小时（言行 E2E ${Date.now().toString(36)}）`;



const volunteerStatus = async () => (await ok<{ volunteer: { status: string } }>((await apiAs(demo.volunteer)).get('/api/volunteers/me'), 'my registration')).volunteer.status;

describe('言行负面清单: an incident suspends a volunteer, who appeals on the phone, and the street upholds it', () => {
  it('the community admin records an incident with a suspension against the volunteer', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('负面言行').click();
      await page.getByTestId('conduct-incidents').waitFor();
      await page.getByTestId('record-incident').click();
      await page.getByTestId('record-volunteer').click();
      await page.keyboard.type(demo.volunteer);
      await page.locator('.ant-select-item-option', { hasText: VOLUNTEER_NAME }).click();
      await page.getByTestId('record-entry').click();
      await page.keyboard.type('虚报服务时长');
      await page.locator('.ant-select-item-option', { hasText: '弄虚作假虚报服务时长' }).click();
      // the entry brings its default: 30 points, suspended for 30 days
      await expect.poll(() => page.getByTestId('record-points').inputValue()).toBe('30');
      expect(await page.getByTestId('record-suspend').getAttribute('aria-checked')).toBe('true');
      await page.getByTestId('record-what').fill(what);
      await settled(page);
      await snap(page, 'conduct-desk-record');
      await page.getByTestId('record-submit').click();
      const row = page.getByTestId('incidents-table').locator('tr.ant-table-row', { hasText: VOLUNTEER_NAME }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain('暂停服务至');
      await settled(page);
      await snap(page, 'conduct-desk-list');
    });
    expect(await volunteerStatus()).toBe('suspended');
  });

  it('the volunteer, on the phone, sees the incident and appeals', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, demo.volunteer);
      await settledHome(page);
      // suspended, they have lost the volunteer role: the record is still one tap away
      await page.getByTestId('service-conduct').click();
      const card = page.getByTestId('h5-incident').filter({ hasText: what });
      await card.and(page.locator('[data-status=recorded]')).waitFor();
      expect(await card.textContent()).toContain('暂停服务至');
      await settled(page);
      await snap(page, 'conduct-phone-record');
      await card.getByTestId('h5-appeal').click();
      await page.getByTestId('appeal-text').locator('textarea:not([aria-hidden=true])').fill('当天服务记录有队长签字确认，时长无误，请核实。');
      await page.getByTestId('appeal-submit').click();
      await card.and(page.locator('[data-status=appealing]')).waitFor();
      await page.locator('.lx-h5-sheet').waitFor({ state: 'hidden' });
      expect(await card.getByTestId('h5-appeal').count()).toBe(0);
      await settled(page);
      await snap(page, 'conduct-phone-appealed');
    });
  });

  it('the street admin upholds the appeal from the queue: the incident is annulled and the volunteer reinstated', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, STREET_ADMIN);
      await page.getByTestId('data-scope').waitFor();
      await page.goto('/conduct');
      await page.getByTestId('conduct-view').getByText('申诉待处理').click();
      const row = page.getByTestId('incidents-table').locator('tr.ant-table-row', { hasText: VOLUNTEER_NAME }).filter({ has: page.locator('[data-status=appealing]') });
      await row.getByTestId('incident-link').click();
      await page.getByTestId('incident-drawer').getByText(what).waitFor();
      await settled(page);
      await snap(page, 'conduct-desk-appeal');
      await page.getByTestId('decide-upheld').click();
      await page.getByTestId('decide-reason').fill('经核对队长签字的服务记录，时长属实，记录撤销。');
      await page.getByTestId('decide-ok').click();
      await row.waitFor({ state: 'detached' });
    });
    expect(await volunteerStatus()).toBe('active');
    const mine = await ok<{ incidents: { what: string; status: string; outcome: string | null }[] }>((await apiAs(demo.volunteer)).get('/api/conduct/me'), 'my conduct');
    expect(mine.incidents.find((i) => i.what === what)).toMatchObject({ status: 'annulled', outcome: 'upheld' });
  });
});
