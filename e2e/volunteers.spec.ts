import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { serverAndBrowser } from './support/suite.js';
import { flows } from './support/flows.js';
import { ok } from './support/api.js';
import { registerByApi } from './support/registration.js';
import { deskLogin } from './support/sessions.js';

const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'volunteers', { deskLaptop: true });

// a new resident of the demo's first community, registered the public way
const phone = `1370${String(Date.now()).slice(-7)}`;
const password = 'Volunteer#2026';
const name = '林晓雯';


async function phoneSignIn(page: Page) {
  await page.goto('/h5/login');
  await page.locator('input[type=tel]').fill(phone);
  await page.locator('input[type=password]').fill(password);
  await page.getByTestId('h5-login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/h5/login'));
}

describe('志愿者: a resident applies on the phone, the community approves, the card appears', () => {
  let verifyCode = '';

  it('a resident applies on the phone and waits for the community', async () => {
    const resident = await apiAs(demo.resident);
    const me = await ok<{ account: { regionId: string } }>(resident.get('/api/auth/me'), 'me');
    // registration is public: the request is the resident's own, signed in as nobody
    const registered = await registerByApi(resident, env.server, { phone, password, name, regionId: me.account.regionId });
    expect(registered.status()).toBe(202);
    await session('phone', async (page) => {
      await phoneSignIn(page);
      await page.goto('/h5/volunteer');
      await page.getByTestId('h5-volunteer').getByText('陪诊就医').click();
      await page.getByTestId('h5-volunteer').getByText('周日').click();
      await page.getByTestId('apply-submit').click();
      await page.getByTestId('h5-volunteer').getByText('等待社区审核', { exact: true }).waitFor();
      await snap(page, 'volunteers-phone-applied');
    });
  });

  it('the community admin approves it in the back office', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/volunteers');
      const row = page.getByTestId('volunteers-table').locator('tr', { hasText: name });
      await row.getByTestId('volunteer-link').click();
      await page.getByTestId('volunteer-approve').click();
      await page.getByTestId('volunteer-status').filter({ hasText: '在册' }).first().waitFor();
      await snap(page, 'volunteers-desk-approved');
    });
  });

  it('the volunteer sees the card with the number and a QR code that verifies publicly', async () => {
    await session('phone', async (page) => {
      await phoneSignIn(page);
      await page.goto('/h5/volunteer');
      const card = page.getByTestId('volunteer-card');
      await card.waitFor();
      expect(await page.getByTestId('volunteer-number').textContent()).toMatch(/^LX\d{6}$/);
      await card.locator('canvas').waitFor();
      verifyCode = (await page.getByTestId('volunteer-qr').getAttribute('data-code')) ?? '';
      await snap(page, 'volunteers-phone-card');
      await page.goto(`/verify/card/${encodeURIComponent(verifyCode)}`);
      await page.getByText('有效的注册志愿者').waitFor();
      await page.goto(`/verify/card/${encodeURIComponent(verifyCode.slice(0, -1) + (verifyCode.endsWith('0') ? '1' : '0'))}`);
      await page.getByText('无法验证').waitFor();
    });
    expect(verifyCode).toMatch(/\./);
  });
});
