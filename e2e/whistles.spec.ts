import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, snap } from './support/browser.js';
import { serverAndBrowser } from './support/suite.js';
import { flows, settled } from './support/flows.js';
import { ok } from './support/api.js';
import { deskLogin, phoneLogin } from './support/sessions.js';

/** The demo's street admin of street 1 and the partner unit 鑫源超市 (server/src/demo/fixed-accounts.ts). */
const STREET_ADMIN = '13800000001';
const PARTNER = '13800000007';
const PARTNER_UNIT = '鑫源超市';

const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'whistles', { deskLaptop: true });
const title = `楼道堆满杂物堵塞消防通道（吹哨 E2E ${Date.now().toString(36)}）`;

/*
 * Nothing moves: no animation running and no antd transition under way. antd's transitions (rc-motion)
 * step an element through -appear|-enter|-leave with -prepare, -start and -active; in the first two
 * no animation runs yet (a dialog stands full size, then jumps small and zooms in), so `settled` alone
 * can pass while a dropdown is about to be placed again.
 */
const MOTION_STEPS = ['appear', 'enter', 'leave'].flatMap((s) => ['prepare', 'start', 'active'].map((step) => `[class*="-${s}-${step}"]`)).join(', ');
const still = (page: Page) => page.waitForFunction((motion) => document.getAnimations().every((a) => a.playState !== 'running') && !document.querySelector(motion), MOTION_STEPS);




describe('吹哨报到: the street calls in a unit for a major item and that unit reports in', () => {
  let needId = '';
  let whistleId = '';

  it('a major grievance accepted by the community is whistled to its street', async () => {
    const resident = await apiAs(demo.resident);
    const me = await ok<{ account: { regionId: string } }>(resident.get('/api/auth/me'), 'me');
    const categories = await ok<{ id: string; code: string }[]>(resident.get('/api/need-categories'), 'categories');
    const need = await ok<{ id: string }>(
      resident.post('/api/needs', {
        data: { kind: 'grievance', categoryId: categories.find((c) => c.code === 'safety.fireHazard')!.id, title, description: '楼道里堆满纸箱和旧家具，消防通道被堵死，多次劝说无果。', regionId: me.account.regionId, address: '1号楼3单元' },
      }),
      'post need',
    );
    needId = need.id;
    const admin = await apiAs(demo.communityAdmin);
    await ok(admin.post(`/api/needs/${needId}/accept`, { data: { severity: 'major' } }), 'accept');
    // the whistle opens when the acceptance's event is delivered (every second)
    const street = await apiAs(STREET_ADMIN);
    await expect
      .poll(async () => ((await ok<{ items: { id: string }[] }>(street.get(`/api/whistles?needId=${needId}`), 'whistles')).items[0]?.id ?? ''), { timeout: 20_000, interval: 500 })
      .toMatch(/^[0-9a-f-]{36}$/);
    whistleId = (await ok<{ items: { id: string }[] }>(street.get(`/api/whistles?needId=${needId}`), 'whistles')).items[0]!.id;
  });

  it('the street admin finds it under 吹哨报到 and calls in the partner unit 鑫源超市', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, STREET_ADMIN);
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('吹哨报到').click();
      const row = page.getByTestId('whistles-table').locator('tr.ant-table-row', { hasText: title });
      await row.waitFor();
      expect(await row.textContent()).toContain('重大诉求自动吹哨');
      await settled(page);
      await snap(page, 'whistles-desk-list');

      await row.getByTestId('whistle-link').click();
      await page.locator('[data-testid=whistle-detail][data-state=open]').waitFor();
      await page.getByTestId('call-in').click();
      // each click waits for the dialog and the dropdown to stand still: a click on one still moving is
      // retried by Playwright after scrolling the page, which moves the dropdown between press and
      // release — the option pressed, released on the dialog, nothing picked (failed 3 in 120 under load)
      const units = page.getByTestId('call-in-units');
      await units.waitFor();
      await still(page);
      await units.click();
      await page.keyboard.type(PARTNER_UNIT);
      const option = page.locator('.ant-select-item-option', { hasText: PARTNER_UNIT });
      await option.waitFor();
      await still(page);
      await option.click();
      await units.locator('.ant-select-selection-item', { hasText: PARTNER_UNIT }).waitFor();
      // the dropdown stays open for more picks, over the dialog's buttons: Escape closes it (not the dialog)
      await page.keyboard.press('Escape');
      await still(page);
      await page.getByTestId('call-in-ok').click();
      const called = page.getByTestId('whistle-calls').locator('tr', { hasText: PARTNER_UNIT });
      await called.getByTestId('call-state').and(page.locator('[data-state=called]')).waitFor();
      await settled(page);
      await snap(page, 'whistles-desk-called');
    });
  });

  it('the unit’s contact, on the phone, is told, reports in and records its part', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, PARTNER);
      await page.getByTestId('h5-home').waitFor();
      // the call reached the unit's inbox; the message opens the whistle
      await page.goto('/h5/inbox');
      await page.getByText('吹哨召集').first().click();
      await page.waitForURL(`**/h5/whistles/${whistleId}`);
      const mine = page.locator('[data-testid=h5-call][data-mine=true]');
      await mine.and(page.locator('[data-state=called]')).waitFor();
      await settled(page);
      await snap(page, 'whistles-phone-called');

      await page.getByTestId('h5-report-in').click();
      await page.locator('.adm-dialog-button-bold').click();
      await mine.and(page.locator('[data-state=reported]')).waitFor();
      await page.getByTestId('h5-record-part').click();
      await page.getByTestId('part-text').locator('textarea:not([aria-hidden=true])').fill('超市派员协助清运纸箱，提供清洁用品，通道已清理。');
      await page.getByTestId('part-submit').click();
      await mine.and(page.locator('[data-state=done]')).waitFor();
      await page.locator('.lx-h5-sheet').waitFor({ state: 'hidden' });
      await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
      expect(await mine.textContent()).toContain('通道已清理');
      await settled(page);
      await snap(page, 'whistles-phone-reported');

      await page.goto('/h5/whistles');
      await page.getByTestId('whistle-card').filter({ hasText: title }).waitFor();
      await snap(page, 'whistles-phone-list');
    });
  });

  it('the street sees the unit reported in with its part, on the whistle and on the need’s timeline, and closes it', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, STREET_ADMIN);
      await page.getByTestId('data-scope').waitFor();
      await page.goto(`/whistles/${whistleId}`);
      const called = page.getByTestId('whistle-calls').locator('tr', { hasText: PARTNER_UNIT });
      await called.getByTestId('call-state').and(page.locator('[data-state=done]')).waitFor();
      expect(await called.textContent()).toContain('通道已清理');

      await page.getByTestId('close-whistle').click();
      await page.getByTestId('text-modal-input').fill('街道协调共建单位清理完毕，消防通道恢复畅通。');
      await still(page);
      await page.getByTestId('text-modal-ok').click();
      await page.locator('[data-testid=whistle-detail][data-state=closed]').waitFor();
      await settled(page);
      await snap(page, 'whistles-desk-closed');

      await page.goto(`/needs/${needId}`);
      await page.locator('[data-testid=whistle-panel][data-state=closed]').waitFor();
      const actions = await page.getByTestId('need-timeline').getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
      expect(actions.slice(-4)).toEqual(['callIn', 'reportIn', 'unitPart', 'whistleClose']);
      expect(actions).toContain('whistle');
      expect(await page.getByTestId('need-timeline').textContent()).toContain('单位报到');
      await settled(page);
      await snap(page, 'whistles-desk-need');
    });
  });

  it('the district admin keeps the units streets may call in', async () => {
    await session('desk', async (page) => {
      await deskLogin(page, '13800000000');
      await page.getByTestId('data-scope').waitFor();
      await page.getByTestId('side-menu').getByText('吹哨单位').click();
      const row = page.getByTestId('units-table').locator('tr', { hasText: PARTNER_UNIT });
      await row.waitFor();
      expect(await row.textContent()).toContain('共建单位');
      expect(await page.getByTestId('units-table').textContent()).toContain('公安派出所');
      await settled(page);
      await snap(page, 'whistles-desk-units');
    });
  });
});
