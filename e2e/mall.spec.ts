import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { ok } from './support/api.js';
import { flows, settled } from './support/flows.js';
import { deskLogin, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'mall');
const stamp = Date.now().toString(36);
const itemName = `E2E洗衣液${stamp}`;

describe('积分超市: a volunteer redeems an item on the phone and the community confirms the pickup on the desk', () => {
  let code = '';

  it('the community offers an item and gives the volunteer points (through the ledger)', async () => {
    const admin = await apiAs(demo.communityAdmin);
    const volunteer = await apiAs(demo.volunteer);
    const me = await ok<{ account: { id: string } }>(volunteer.get('/api/auth/me'), 'me');
    await ok(admin.post('/api/ledger/awards', { data: { volunteerId: me.account.id, ruleCode: 'award.district_honour', note: 'e2e 积分超市', requestKey: crypto.randomUUID() } }), 'award');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await ok(admin.post('/api/mall/items', { data: { category: 'goods', name: itemName, description: '2 升装', price: 10, stock: 5, perPersonLimit: 2, validFrom: today, validTo: later, pickupPlace: '社区党群服务中心一楼' } }), 'item');
  });

  it('on the phone (390×844) the volunteer finds it under 换实惠, redeems it and sees the pickup code and its QR — in large text too', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, demo.volunteer);
      await page.getByTestId('h5-home').waitFor();
      await page.goto('/h5/mall');
      await page.getByTestId('h5-mall').waitFor();
      await page.locator('.adm-tabs-tab', { hasText: '换实惠' }).click();
      const card = page.getByTestId('mall-item-card').filter({ hasText: itemName });
      await card.waitFor();
      await settled(page);
      await snap(page, 'mall-h5-list');
      await card.click();
      await page.getByTestId('h5-mall-item').waitFor();
      await page.getByText('用 10 积分兑换').waitFor();
      await snap(page, 'mall-h5-item');
      await page.getByTestId('mall-redeem').click();
      await page.locator('.adm-dialog-button-bold').click();
      await page.locator('[data-testid=h5-redemption][data-status=pending]').waitFor();
      await page.getByTestId('pickup-qr').waitFor();
      code = (await page.getByTestId('pickup-code').textContent())!.trim();
      expect(code).toMatch(/^[3467ACDEFGHJKMNPQRTUVWXY]{8}$/);
      await settled(page);
      await snap(page, 'mall-h5-code');
      // large-text mode: the code and the page still fit the phone's width
      await page.evaluate(() => document.documentElement.classList.add('lx-large-text'));
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await page.getByTestId('pickup-code').isVisible()).toBe(true);
      await snap(page, 'mall-h5-code-large-text');
    });
  });

  it('on the desk the community admin types the code, sees whose it is and confirms the pickup, once', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, demo.communityAdmin);
      await page.getByTestId('side-menu').getByText('兑换核销').click();
      await page.getByTestId('desk-pickup-code').fill(code.toLowerCase());
      await page.getByTestId('desk-pickup-code').press('Enter');
      await page.locator('[data-testid=desk-pickup-found][data-status=pending]').waitFor();
      await page.getByText(itemName).first().waitFor();
      await snap(page, 'mall-desk-pickup-found');
      await page.getByTestId('desk-pickup-confirm').click();
      await page.locator('[data-testid=desk-pickup-found][data-status=confirmed]').waitFor();
      await snap(page, 'mall-desk-pickup-confirmed');
      // the redemption list shows it picked up
      await page.getByTestId('side-menu').getByText('兑换记录').click();
      await page.getByTestId('mall-redemptions-table').getByText(itemName).first().waitFor();
      // the lists' filters have a name a screen reader reads out
      await page.getByRole('combobox', { name: '按状态筛选' }).waitFor();
      await page.goto('/mall');
      await page.getByTestId('mall-items-table').waitFor();
      await page.getByRole('combobox', { name: '按类别筛选' }).waitFor();
    });
    const volunteer = await apiAs(demo.volunteer);
    const mine = await ok<{ items: { itemName: string; status: string }[] }>(volunteer.get('/api/mall/redemptions?mine=true'), 'mine');
    expect(mine.items.find((r) => r.itemName === itemName)?.status).toBe('confirmed');
  });
});
