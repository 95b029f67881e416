import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();
const DISTRICT_ADMIN = '13800000000';

/** The cell of one day in the year view, once the calendar has answered. */
const dayCell = (page: Page, day: string) => page.locator(`button[data-day="${day}"]`);

describe('deadline rules and the holiday calendar (back office)', () => {
  it('the district admin marks a day off on the calendar and sees it, beside the official 2026 holidays', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await deskLogin(page, DISTRICT_ADMIN);
      await page.waitForURL((url) => url.pathname === '/');

      await page.goto('/deadline-rules');
      await page.locator('tr.ant-table-row').nth(2).waitFor();
      expect(await page.locator('tr.ant-table-row').count()).toBe(3);
      await snap(page, 'deadlines-rules');

      await page.goto('/holiday-calendar?year=2026');
      // the shipped calendar: Spring Festival off, the Saturday before it worked
      await dayCell(page, '2026-02-17').and(page.locator('[data-kind="holiday"]')).waitFor();
      expect(await dayCell(page, '2026-02-14').getAttribute('data-kind')).toBe('workday');
      expect(await dayCell(page, '2026-03-10').getAttribute('data-kind')).toBe('');

      await dayCell(page, '2026-03-10').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('区庆放假');
      await dialog.getByTestId('day-save').click();
      await dayCell(page, '2026-03-10').and(page.locator('[data-kind="holiday"]')).waitFor();
      await dialog.waitFor({ state: 'detached' });
      await snap(page, 'deadlines-calendar');

      const answer = (await (await page.request.get('/api/calendar?year=2026')).json()) as { days: { day: string; kind: string; name: string }[] };
      expect(answer.days.find((d) => d.day === '2026-03-10')).toEqual({ day: '2026-03-10', kind: 'holiday', name: '区庆放假' });
    } catch (error) {
      await snap(page, `deadlines-failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
