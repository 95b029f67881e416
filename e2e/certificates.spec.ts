import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { settledHome } from './support/phone-home.js';
import { openSession, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();
const VOLUNTEER = '13800000005'; // 刘芳, a numbered volunteer of community 1

describe('service record certificate (志愿服务记录证明)', () => {
  it('a volunteer issues one on the phone and downloads the PDF; the public page verifies its code', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'phone');
    let code = '';
    try {
      await phoneLogin(page, VOLUNTEER);
      await page.waitForURL((url) => url.pathname === '/h5');
      const me = (await (await page.request.get('/api/volunteers/me')).json()) as { volunteer: { number: string } };

      // the tile on the phone home leads to the page under 我的
      await settledHome(page);
      await page.getByText('服务记录证明').first().click();
      await page.waitForURL((url) => url.pathname === '/h5/me/certificates');
      await page.getByTestId('h5-certificates').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('certificate-issue').click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^志愿服务证明-${me.volunteer.number}-\\d{4}-01-01-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
      const pdf = fs.readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const item = page.getByTestId('certificate-item').first();
      await item.waitFor();
      code = (await item.locator('.lx-cert-code').textContent())!.trim();
      expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
      await snap(page, 'certificates-h5');

      // the PDF says it in Chinese, with the number and the code
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], { encoding: 'utf8' });
      expect(text.status, `pdftotext (poppler-utils): ${text.error?.message ?? text.stderr}`).toBe(0);
      for (const s of ['志愿服务记录证明', '刘芳', me.volunteer.number, code]) expect(text.stdout).toContain(s);
    } catch (error) {
      await snap(page, `certificates-failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }

    // anyone, signed in or not, checks the code on the page the QR code links to
    const visitor = await openSession(env.browser, env.server.baseUrl, 'phone');
    try {
      await visitor.page.goto(`/verify/certificate/${code}`);
      const result = visitor.page.locator('[data-testid=verify-result][data-status=valid]');
      await result.waitFor();
      expect(await result.textContent()).toContain('刘*');
      expect(await result.textContent()).not.toContain('刘芳');
      await snap(visitor.page, 'certificates-verify');

      // one character changed: told it is a typo, not that the certificate is forged
      const typo = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
      await visitor.page.getByTestId('verify-code').fill(typo);
      await visitor.page.getByTestId('verify-submit').click();
      await visitor.page.locator('[data-testid=verify-result][data-status=mistyped]').waitFor();
    } catch (error) {
      await snap(visitor.page, `certificates-verify-failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await visitor.context.close();
    }
  });
});
