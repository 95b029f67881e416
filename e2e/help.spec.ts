import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { settled } from './support/flows.js';
import { settledHome } from './support/phone-home.js';
import { deskLogin, openSession, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/*
 * 帮助 where people look for it: the top bar's 帮助 in the back office and the 使用帮助 tile on the
 * phone home open the guide of docs/guide for the user's role, in the user's language.
 */
const env = serverAndBrowser();

async function inSession(device: 'phone' | 'desk', act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, device);
  try {
    await act(page);
  } catch (error) {
    await snap(page, `help-failed-${device}-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

describe('帮助 opens the guide for the role', () => {
  it('a community admin opens 帮助 from the back-office top bar and reads the community admin guide', async () => {
    await inSession('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('help-link').click();
      const help = page.getByTestId('help-page');
      await help.waitFor();
      expect(await help.getAttribute('data-role')).toBe('communityAdmin');
      expect(await help.locator('h2').first().innerText()).toBe('社区管理员使用指南');
      await help.getByRole('heading', { name: '办单：受理 → 派单 → 督办 → 办结' }).waitFor();
      // its screenshots are bundled and load
      const img = help.locator('img').first();
      await img.waitFor();
      expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      await snap(page, 'help-desk-community-admin');
    });
  });

  it('a team leader opens 使用帮助 on the phone, reads the leader guide and can switch to the volunteer guide', async () => {
    await inSession('phone', async (page) => {
      await phoneLogin(page, demo.teamLeader);
      await settledHome(page);
      await page.getByTestId('service-help').click();
      const help = page.getByTestId('h5-help');
      await help.waitFor();
      expect(await help.getAttribute('data-role')).toBe('teamLeader');
      expect(await help.locator('h2').first().innerText()).toBe('队长使用指南');
      // no screenshot shrunk into the text (its words would be ~12 px): a button names it and opens it as wide as the phone
      expect(await help.locator('.lx-help-text img').count()).toBe(0);
      await help.getByTestId('help-picture').first().click();
      const shown = page.getByTestId('help-picture-shown');
      await shown.waitFor();
      await expect.poll(() => shown.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      // slid in (the popup's motion is not a CSS animation that settled() would see)
      await expect.poll(() => page.locator('.lx-h5-help-viewer').evaluate((el) => Math.round(el.getBoundingClientRect().left))).toBe(0);
      await settled(page);
      // the phone's own screen at its own size (a 390 px capture at 2×)
      expect(await shown.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(390);
      await snap(page, 'help-phone-picture');
      await page.locator('.lx-h5-help-viewer .adm-nav-bar-back').click();
      await shown.waitFor({ state: 'detached' });
      await help.getByRole('button', { name: '志愿者' }).click();
      await page.locator('[data-testid=h5-help][data-role=volunteer]').waitFor();
      expect(await help.locator('h2').first().innerText()).toBe('志愿者使用指南');
      await snap(page, 'help-phone-volunteer');
    });
  });
});
