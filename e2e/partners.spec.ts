import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSessions, ok } from './support/api.js';
import { DEMO_PASSWORD, demo, snap } from './support/browser.js';
import { settledHome } from './support/phone-home.js';
import { registerByApi } from './support/registration.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/** The demo's street admin of street 1 (server/src/demo/fixed-accounts.ts). */
const STREET_ADMIN = '13800000001';

const env = serverAndBrowser();
const stamp = Date.now().toString(36);
const unitName = `E2E共建单位${stamp}`;
const contactPhone = `139${String(Date.now()).slice(-8)}`;
const memberPhone = `137${String(Date.now() + 7).slice(-8)}`;
const NEW_PASSWORD = 'Partner@2027';
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

const apiAs = apiSessions(env, contexts);

async function session(device: 'desk' | 'phone', act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, device);
  contexts.push(context);
  try {
    await act(page);
  } catch (error) {
    await snap(page, `partners-failed-${device}-${Date.now()}`).catch(() => undefined);
    throw error;
  }
}

describe('共建单位 · 双报到: the street registers a unit with its contact, who follows its members on the phone', () => {
  let unitId = '';
  let community = { id: '', name: '' };

  it('the street admin registers a partner unit paired with community 1, with a new contact account', async () => {
    const admin = await apiAs(demo.communityAdmin);
    const me = await ok<{ account: { regionId: string } }>(admin.get('/api/auth/me'), 'me');
    community = await ok<{ id: string; name: string }>(admin.get(`/api/regions/${me.account.regionId}`), 'community');
    await session('desk', async (page) => {
      await deskLogin(page, STREET_ADMIN);
      await page.getByTestId('side-menu').getByText('共建单位').click();
      await page.getByTestId('partners-table').waitFor();
      await page.getByTestId('partner-add').click();
      await page.getByTestId('partner-name').fill(unitName);
      await page.getByTestId('partner-communities').click();
      await page.keyboard.type(community.name);
      await page.locator('.ant-select-item-option', { hasText: community.name }).first().click();
      await page.keyboard.press('Escape');
      await page.getByTestId('contact-name').fill('赵联络');
      await page.getByTestId('contact-phone').fill(contactPhone);
      // the password is optional: an error under it goes when it is emptied, not only when it is right
      const passwordItem = page.locator('.ant-form-item', { has: page.getByTestId('contact-password') });
      await page.getByTestId('contact-password').fill('abc');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await passwordItem.locator('.ant-form-item-explain-error').waitFor();
      await page.getByTestId('contact-password').fill('');
      await expect.poll(() => passwordItem.locator('.ant-form-item-explain-error').count()).toBe(0);
      await page.getByTestId('contact-password').fill(DEMO_PASSWORD);
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
      unitId = page.url().split('/').at(-1)!;
      // the unit's page: its name, and its members (none yet)
      await page.getByTestId('unit-members').waitFor();
      await page.getByText(unitName).first().waitFor();
      await snap(page, 'partners-desk-unit');
    });
    expect(unitId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an in-service party member of community 1 chooses the unit when applying, and is approved', async () => {
    const base = env.server.baseUrl;
    const context = await env.browser.newContext({ baseURL: base, locale: 'zh-CN' });
    contexts.push(context);
    const registered = await registerByApi(context.request, env.server, { phone: memberPhone, password: DEMO_PASSWORD, name: '钱党员', regionId: community.id });
    expect(registered.status()).toBe(202);
    await ok(context.request.post('/api/auth/login', { data: { phone: memberPhone, password: DEMO_PASSWORD } }), 'member login');
    const options = await ok<{ id: string; name: string }[]>(context.request.get('/api/partner-units/options'), 'options');
    expect(options.map((o) => o.id)).toContain(unitId);
    const applied = await ok<{ volunteer: { id: string; workUnit: string } }>(
      context.request.post('/api/volunteers/apply', { data: { politicalStatus: 'party', inService: true, workUnitId: unitId, skills: [], availability: [], serviceRadiusM: 1000 } }),
      'apply',
    );
    expect(applied.volunteer.workUnit).toBe(unitName);
    const admin = await apiAs(demo.communityAdmin);
    await ok(admin.post(`/api/volunteers/${applied.volunteer.id}/approve`, { data: {} }), 'approve');
  });

  it('the contact signs in on the phone (390×844) and sees the member’s service this year, behind the minimum', async () => {
    // the first sign-in asks for a new password; done through the API, the phone then signs in with it
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl, locale: 'zh-CN' });
    contexts.push(context);
    await ok(context.request.post('/api/auth/login', { data: { phone: contactPhone, password: DEMO_PASSWORD } }), 'contact login');
    await ok(context.request.post('/api/auth/password', { data: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD } }), 'change password');
    await session('phone', async (page) => {
      await page.goto('/h5/login');
      await page.locator('input[type=tel]').fill(contactPhone);
      await page.locator('input[type=password]').fill(NEW_PASSWORD);
      await page.getByTestId('h5-login-submit').click();
      await settledHome(page);
      await page.getByTestId('service-partner-unit').click();
      await page.getByTestId('h5-partner-unit').waitFor();
      await page.getByText(unitName).waitFor();
      const member = page.getByTestId('h5-member').filter({ hasText: '钱党员' });
      await member.waitFor();
      expect(await member.textContent()).toContain('0 小时');
      expect(await member.textContent()).toContain('未达标');
      expect(await page.getByTestId('h5-member-count').textContent()).toBe('1');
      await snap(page, 'partners-phone-unit');
    });
  });
});
