import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { ok } from './support/api.js';
import { serverAndBrowser } from './support/suite.js';
import { flows, settled } from './support/flows.js';
import { deskLogin } from './support/sessions.js';

const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'points', { deskLaptop: true });
const note = `参加社区急救培训（积分 E2E ${Date.now().toString(36)}）`;

type Me = { hours: number; points: number };
const myPoints = async () => (await ok<Me>((await apiAs(demo.volunteer)).get('/api/ledger/me'), 'my passbook')).points;

describe('积分: the district sets its rules, the community awards points on the volunteer’s page', () => {
  it('the district admin changes the hourly rate from tomorrow: a new version, the old one ends today', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, demo.districtAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('积分规则').click();
      await page.getByTestId('points-rules').locator('tr.ant-table-row').first().waitFor();
      expect(await page.getByTestId('points-rules').locator('tr.ant-table-row').count()).toBe(36);
      await page.getByTestId('rule-edit-service.hour').click();
      await page.getByTestId('rule-points').fill('12');
      await page.getByTestId('rule-save').click();
      const row = page.getByTestId('points-rules').locator('tr.ant-table-row', { hasText: '志愿服务每小时' });
      // still 10 today: the change is scheduled, and its versions unfold under the rule
      await row.getByRole('button', { name: /展开|expand/i }).click();
      const versions = page.locator('.ant-table-expanded-row');
      await versions.getByText('+12 /小时').waitFor();
      expect(await row.textContent()).toContain('+10');
      await settled(page);
      await snap(page, 'points-desk-rules');
    });
  });

  it('the community admin awards points by a staff rule on the volunteer’s page; the passbook shows the line', async () => {
    const before = await myPoints();
    const list = await ok<{ items: { id: string }[] }>((await apiAs(demo.communityAdmin)).get(`/api/volunteers?q=${demo.volunteer}`), 'the volunteer');
    await session('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('data-scope').waitFor();
      await page.goto(`/volunteers/${list.items[0]!.id}`);
      await page.getByTestId('passbook-lines').locator('tr.ant-table-row').first().waitFor();
      await page.getByTestId('award-open').click();
      await page.getByTestId('award-rule').click();
      await page.keyboard.type('培训');
      await page.locator('.ant-select-item-option', { hasText: '参加志愿服务培训' }).click();
      await page.getByTestId('award-note').fill(note);
      await page.getByTestId('award-ok').click();
      await page.getByTestId('passbook-lines').getByText(note).waitFor();
      await settled(page);
      await snap(page, 'points-desk-passbook');
      await page.getByTestId('side-menu').getByText('积分发放统计').click();
      await page.getByTestId('points-figures').locator('tr.ant-table-row').first().waitFor();
      await settled(page);
      await snap(page, 'points-desk-figures');
    });
    expect(await myPoints()).toBe(before + 5);
  });
});
