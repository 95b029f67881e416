import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { flows, settled } from './support/flows.js';
import { holdList } from './support/lists.js';
import { phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();
const { session } = flows(env, 'ledger');
const VOLUNTEER = '13800000005'; // 刘芳, a numbered volunteer of community 1 with a year of verified service

type Mine = { hours: number; points: number };

describe('time bank passbook and service for service (储蓄存折 · 服务换服务) on the phone', () => {
  it('the volunteer reads the passbook, downloads the PDF, and spends hours on a service for her mother', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, VOLUNTEER);
      await page.waitForURL((url) => url.pathname === '/h5');
      const before = (await (await page.request.get('/api/ledger/me')).json()) as Mine;
      expect(before.hours).toBeGreaterThan(1);

      // 我的 › 我的存折: the balances and the year's lines, each with its source. The page waits for her
      // service record, which would push 我的存折 down under her finger if it came after it (CI lost a tap so)
      const record = await holdList(page, { path: '/api/volunteers/me', params: {} });
      await page.goto('/h5/me');
      await record.requested;
      await page.getByTestId('h5-me-loading').waitFor();
      // in one look at the page: it waits at most 3 s, then shows without the record
      expect(await page.evaluate(() => [!!document.querySelector('[data-testid=h5-me-loading]'), !!document.querySelector('[data-testid=me-passbook]')])).toEqual([true, false]);
      record.release();
      await page.getByTestId('me-services').waitFor();
      // a page opened from another starts at its top: 我的志愿者证, tapped low on 我的, opened scrolled
      // down to 退出志愿者, her card out of sight; 返回 finds 我的 where she left it
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const low = await page.evaluate(() => window.scrollY);
      expect(low).toBeGreaterThan(100);
      await page.getByTestId('me-volunteer').click();
      await page.waitForURL((url) => url.pathname === '/h5/volunteer');
      await page.getByTestId('volunteer-certificates').waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.goBack();
      await page.getByTestId('me-passbook').waitFor();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(low);
      await page.getByTestId('me-passbook').click();
      await page.waitForURL((url) => url.pathname === '/h5/me/passbook');
      await expect.poll(() => page.getByTestId('passbook-hours').textContent()).toBe(String(before.hours));
      await page.getByTestId('passbook-period').getByText('今年', { exact: true }).click();
      await page.getByTestId('passbook-line').first().waitFor();
      const line = (await page.getByTestId('passbook-line').first().textContent()) ?? '';
      expect(line).toMatch(/服务订单|志愿活动|积分规则/);
      expect(line).toMatch(/余额/);
      await settled(page);
      await snap(page, 'ledger-passbook-h5');

      // the PDF downloads, opens, and says whose it is in Chinese
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('passbook-pdf').click()]);
      expect(download.suggestedFilename()).toMatch(/^储蓄存折-.+\.pdf$/);
      const file = (await download.path())!;
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text.status, `pdftotext (poppler-utils): ${text.error?.message ?? text.stderr}`).toBe(0);
      for (const s of ['时间银行储蓄存折', '刘芳']) expect(text.stdout).toContain(s);

      // 服务换服务: for her mother, 1 hour of the passbook; held at once
      await page.getByTestId('passbook-withdraw').click();
      await page.waitForURL((url) => url.pathname === '/h5/me/time-bank');
      await page.getByTestId('withdraw-available').getByText(`${before.hours} 小时`).waitFor();
      await page.getByTestId('withdraw-for').getByText('为家人', { exact: true }).click();
      await page.getByTestId('withdraw-name').locator('input').fill('刘母');
      await page.getByTestId('withdraw-relation').locator('input').fill('母亲');
      await page.getByTestId('category-field').click();
      await page.locator('.adm-cascader-view').getByText('助老服务', { exact: true }).click();
      await page.locator('.adm-cascader-view').getByText('上门理发', { exact: true }).click();
      await page.locator('.adm-cascader-header-button').last().click();
      await page.locator('.adm-popup').waitFor({ state: 'detached' });
      await page.getByTestId('withdraw-title').locator('input').fill('母亲需要上门理发');
      await page.getByTestId('withdraw-description').locator('textarea:not([readonly])').fill('母亲 80 岁，行动不便，想请志愿者周末上门理发。');
      await page.getByTestId('withdraw-submit').click();
      const item = page.locator('[data-testid=withdrawal-item][data-state=held]').first();
      await item.waitFor();
      expect(await item.textContent()).toContain('母亲需要上门理发');
      expect(await item.textContent()).toContain('刘母');
      const after = (await (await page.request.get('/api/ledger/me')).json()) as Mine;
      expect(after.hours).toBeCloseTo(before.hours - 1, 2);
      await page.getByTestId('withdraw-available').getByText(`${after.hours} 小时`).waitFor();
      await settled(page);
      await snap(page, 'ledger-withdraw-h5');

      // large text: the passbook still reads, nothing runs off the screen
      await page.evaluate(() => localStorage.setItem('lianxin.largeText', '1'));
      await page.goto('/h5/me/passbook');
      await page.getByTestId('passbook-line').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.classList.contains('lx-large-text'))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await settled(page);
      await snap(page, 'ledger-passbook-h5-large');
    });
  });
});
