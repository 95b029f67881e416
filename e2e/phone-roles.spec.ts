import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok } from './support/api.js';
import { demo, guideSnap, snap } from './support/browser.js';
import { flows, settled } from './support/flows.js';
import { holdList, settledPhoneLists } from './support/lists.js';
import { axeViolations, smallText } from './support/phone-checks.js';
import { settledHome, settledPage } from './support/phone-home.js';
import { phoneLogin, readNeed, waitForStatus } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

/*
 * Every role at home on the phone (390×844): a team leader takes, declines and assigns an order, a
 * grid worker records a need on a door visit and verifies it, a community admin accepts and
 * dispatches from a to-do list, a partner unit's contact sees its unit, a volunteer finds the full
 * place of a task with a map link. Then axe-core on every phone page in normal and large-text mode
 * (no serious or critical violation), and the sizes of large-text mode measured (≥ 18 px).
 */
const env = serverAndBrowser();
const { apiAs, session } = flows(env, 'phone-roles');
const GRID_WORKER = '13800000003';
const PARTNER = '13800000007';
const TEAM = '文化社区红马甲志愿服务队';

type Need = { id: string; status: string; place: string[] };
type Page1 = { total: number; items: { id: string }[] };

/** A resident's need, accepted and dispatched to the demo leader's team by the community admin (the steps this spec is not about). */
async function dispatchedNeed(title: string): Promise<string> {
  const resident = await apiAs(demo.resident);
  const me = await ok<{ account: { regionId: string } }>(resident.get('/api/auth/me'), 'me');
  const categories = await ok<{ id: string; code: string }[]>(resident.get('/api/need-categories'), 'categories');
  const need = await ok<Need>(
    resident.post('/api/needs', {
      data: { kind: 'serviceRequest', categoryId: categories.find((c) => c.code === 'elderly.haircut')!.id, title, description: '老人腿脚不便，希望志愿者上门理发。', regionId: me.account.regionId, address: '2单元301室' },
    }),
    'post need',
  );
  const admin = await apiAs(demo.communityAdmin);
  await ok(admin.post(`/api/needs/${need.id}/accept`, { data: { severity: 'general' } }), 'accept');
  const teams = await ok<{ id: string; name: string }[]>(admin.get('/api/teams'), 'teams');
  await ok(admin.post(`/api/needs/${need.id}/dispatch`, { data: { teamId: teams.find((t) => t.name === TEAM)!.id } }), 'dispatch');
  return need.id;
}

/** Opens a need on the phone and answers a confirmation dialog for one of its actions. */
async function confirmAction(page: Page, action: string) {
  await page.locator(`[data-testid=need-actions] [data-action=${action}]`).click();
  await page.locator('.adm-dialog-button-bold, .adm-dialog-footer .adm-button-primary, .adm-center-popup-wrap .adm-dialog-button').last().click();
}

const toastGone = (page: Page) => page.locator('.adm-toast-mask').waitFor({ state: 'detached' });

/** The order taken and assigned to the demo volunteer below: its detail page is also checked for accessibility. */
let takeId = '';

describe('phone pages for every role', () => {
  let declineId = '';
  let visitId = '';

  it('a team leader takes an order on the phone and assigns it to a member; declines another with a reason', async () => {
    takeId = await dispatchedNeed('母亲腿脚不便，想请志愿者上门理发');
    declineId = await dispatchedNeed('想请志愿者周末上门给老人理发');
    await session('phone', async (page) => {
      await phoneLogin(page, demo.teamLeader);
      await page.getByTestId('h5-home').waitFor();
      // no banner sending the leader to a PC: their orders are counted on the home
      expect(await page.getByTestId('h5-home').textContent()).not.toContain('电脑');
      const toTake = page.getByTestId('work-count-toTake');
      await expect.poll(async () => Number((await toTake.locator('strong').textContent()) ?? 0)).toBeGreaterThanOrEqual(2);
      await settledHome(page);
      await toTake.click();
      await settledPage(page, 'h5-team-orders');
      await page.locator(`[data-need-id="${takeId}"] .lx-h5-need-main`).click();
      await waitForStatus(page, 'h5-need-detail', 'dispatched');
      expect(await page.getByTestId('need-actions').textContent()).toBe('接单退单');
      await confirmAction(page, 'take');
      await waitForStatus(page, 'h5-need-detail', 'taken');
      await toastGone(page);
      await page.locator('[data-testid=need-actions] [data-action=assign]').click();
      const member = page.getByTestId('h5-roster-member').filter({ hasText: '刘芳' });
      await member.click();
      await guideSnap(page, 'phone-roles-leader-assign');
      await page.getByTestId('assign-submit').click();
      await waitForStatus(page, 'h5-need-detail', 'claimed');
      expect((await readNeed(page, takeId)).timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'take', 'assign']);
      await toastGone(page);

      await page.goto(`/h5/needs/${declineId}`);
      await waitForStatus(page, 'h5-need-detail', 'dispatched');
      await page.locator('[data-testid=need-actions] [data-action=decline]').click();
      await page.locator('.lx-h5-order-sheet .adm-radio').first().click();
      await page.getByTestId('decline-submit').click();
      // the declined order leaves the team's sight: back to the list
      await page.getByTestId('h5-team-orders').waitFor();
      const admin = await apiAs(demo.communityAdmin);
      expect((await ok<Need>(admin.get(`/api/needs/${declineId}`), 'declined need')).status).toBe('accepted');
    });
  });

  it('the volunteer’s task shows the full place with a map link', async () => {
    await session('phone', async (page) => {
      // while her record is on its way the home says it is still filling (aria-busy), and a tap waits
      // (settledHome): her card, arriving above the service tiles, would push them down
      const record = await holdList(page, { path: '/api/volunteers/me', params: {} });
      await phoneLogin(page, demo.volunteer);
      await record.requested;
      const card = page.getByTestId('h5-volunteer-card');
      await page.getByTestId('h5-volunteer-card-loading').waitFor({ state: 'attached' });
      expect(await card.count()).toBe(0);
      record.release();
      await settledHome(page);
      // settled, the card is whole: the one thing to do now is in it
      expect(await card.getByTestId('volunteer-next-task').count()).toBe(1);
      // the home answers "what do I do now": hours and points, open tasks and the pool counted as the API counts them
      const tasks = await ok<Page1>(page.request.get('/api/needs?view=tasks&status=claimed,in_service&sort=deadline&page=1&pageSize=1'), 'open tasks');
      const pool = await ok<Page1>(page.request.get('/api/needs?view=pool&page=1&pageSize=1'), 'pool');
      const ledger = await ok<{ points: number }>(page.request.get('/api/ledger/me'), 'ledger');
      expect(tasks.total).toBeGreaterThanOrEqual(1); // the order assigned above
      await expect.poll(() => card.getByTestId('volunteer-count-tasks').locator('strong').textContent()).toBe(String(tasks.total));
      await expect.poll(() => card.getByTestId('volunteer-count-pool').locator('strong').textContent()).toBe(String(pool.total));
      await expect.poll(() => card.getByTestId('me-points').locator('strong').textContent()).toBe(String(ledger.points));
      // the task due first is one tap away
      expect(await card.locator('[data-testid=volunteer-next-task] [data-testid=need-card]').getAttribute('data-need-id')).toBe(tasks.items[0]!.id);
      await card.getByTestId('volunteer-count-tasks').click();
      await page.getByTestId('h5-tasks').waitFor();
      await page.getByTestId('need-card').first().waitFor();
      expect(await page.getByTestId('need-card').count()).toBe(Math.min(tasks.total, 10));
      await page.goto(`/h5/needs/${takeId}`);
      await waitForStatus(page, 'h5-need-detail', 'claimed');
      const need = await ok<Need>(page.request.get(`/api/needs/${takeId}`), 'need');
      expect(need.place.length).toBeGreaterThanOrEqual(3); // street › community › … › building
      const place = page.getByTestId('need-place');
      expect(await place.textContent()).toContain(need.place.join(' › '));
      expect(await place.textContent()).toContain('2单元301室');
      const href = (await page.getByTestId('need-map-link').getAttribute('href'))!;
      expect(href.startsWith('https://')).toBe(true);
      expect(decodeURIComponent(href)).toContain(`${need.place.join('')}2单元301室`);
      // 我的: verified hours, the service record and a place for points
      await page.goto('/h5/me');
      await page.getByTestId('me-figures').waitFor();
      expect(await page.getByTestId('me-points').textContent()).toContain('积分');
      await page.getByTestId('me-services').waitFor();
    });
  });

  it('a resident’s home puts the needs waiting for their rating first, each one tap from its rating', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, demo.resident);
      const home = page.getByTestId('h5-home');
      await home.waitFor();
      const toRate = await ok<Page1>(page.request.get('/api/needs?view=mine&status=completed&page=1&pageSize=3'), 'to rate');
      expect(toRate.total).toBeGreaterThanOrEqual(1); // the demo's escort, served yesterday
      const card = page.getByTestId('h5-rate-card');
      await card.getByTestId('rate-card-waiting').waitFor();
      // first below the greeting: before the services
      const order = await home.evaluate((el) => [...el.querySelectorAll('.lx-h5-card')].map((c) => c.getAttribute('data-testid')));
      expect(order[0]).toBe('h5-rate-card');
      expect(await card.getByTestId('rate-card-waiting').locator('h3').textContent()).toContain(String(toRate.total));
      const first = toRate.items[0]!.id;
      await card.locator(`[data-need-id="${first}"]`).getByTestId('rate-card-rate').click();
      await waitForStatus(page, 'h5-need-detail', 'completed');
      // the rating sheet is open at once
      await page.getByTestId('rate-stars').getByRole('radio', { name: '5' }).tap();
      await page.getByTestId('rate-submit').click();
      await waitForStatus(page, 'h5-need-detail', 'closed');
      await page.goto('/h5');
      const after = await ok<Page1>(page.request.get('/api/needs?view=mine&status=completed&page=1&pageSize=3'), 'to rate after');
      expect(after.total).toBe(toRate.total - 1);
      if (after.total === 0) await expect.poll(() => card.getByTestId('rate-card-waiting').count()).toBe(0);
      else await expect.poll(() => card.getByTestId('rate-card-waiting').locator('h3').textContent()).toContain(String(after.total));
    });
  });

  it('a grid worker records a need on a door visit with a photo and the place, then verifies it', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, GRID_WORKER);
      await page.getByTestId('h5-home').waitFor();
      await page.getByTestId('work-count-intake').click();
      await page.getByTestId('h5-work').waitFor();
      await page.getByTestId('h5-visit-entry').click();
      await page.getByTestId('h5-need-post').waitFor();
      await page.getByTestId('visit-requester').locator('input').fill('王大爷');
      await page.getByTestId('category-field').click();
      await page.locator('.adm-cascader-view').getByText('助老服务', { exact: true }).click();
      await page.locator('.adm-cascader-view').getByText('上门理发', { exact: true }).click();
      await page.locator('.adm-cascader-header-button').last().click();
      await page.locator('.adm-popup').waitFor({ state: 'detached' });
      await page.getByPlaceholder('一句话说明需要什么帮助').fill('王大爷想请人上门理发');
      await page.getByPlaceholder('请描述具体情况').fill('走访时王大爷说想请人上门理发。');
      await page.locator('input[type=file]').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: PNG });
      await page.locator('.adm-image-uploader-cell-loading').waitFor({ state: 'detached' });
      await page.getByPlaceholder('如：3 单元 502 室').fill('3单元102室');
      await page.getByTestId('need-post-submit').click();
      await page.waitForURL(/\/h5\/needs\/[0-9a-f-]{36}$/);
      visitId = page.url().split('/').at(-1)!;
      await waitForStatus(page, 'h5-need-detail', 'submitted');
      const recorded = await ok<{ channel: string; requesterName: string; photos: string[]; address: string }>(page.request.get(`/api/needs/${visitId}`), 'visit need');
      expect(recorded).toMatchObject({ channel: 'visit', requesterName: '王大爷', address: '3单元102室' });
      expect(recorded.photos).toHaveLength(1);
      await toastGone(page);
      await confirmAction(page, 'verify');
      await waitForStatus(page, 'h5-need-detail', 'verifying');
    });
  });

  it('a community admin accepts and dispatches from the to-do list on the phone', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, demo.communityAdmin);
      await page.getByTestId('h5-work-card').waitFor();
      await page.getByTestId('work-count-intake').click();
      await page.getByTestId('h5-work').waitFor();
      await page.locator(`[data-need-id="${visitId}"] .lx-h5-need-main`).click();
      await waitForStatus(page, 'h5-need-detail', 'verifying');
      await page.locator('[data-testid=need-actions] [data-action=accept]').click();
      await page.getByTestId('accept-submit').click();
      await waitForStatus(page, 'h5-need-detail', 'accepted');
      await toastGone(page);
      await page.locator('[data-testid=need-actions] [data-action=dispatch]').click();
      await page.locator('.lx-h5-order-sheet .adm-radio', { hasText: TEAM }).click();
      await page.getByTestId('dispatch-submit').click();
      await waitForStatus(page, 'h5-need-detail', 'dispatched');
    });
  });

  it('a partner unit’s contact lands on a home with its unit', async () => {
    await session('phone', async (page) => {
      await phoneLogin(page, PARTNER);
      await page.getByTestId('h5-unit-card').waitFor();
      await page.getByTestId('service-partner-unit').waitFor();
    });
  });
});

// --- accessibility and large text on every phone page ------------------------------------------

/**
 * Figures in a row (我的: hours and points; the home's to-do counts) that run into each other: a figure
 * wider than its cell, or two figures whose boxes overlap ("38.33 小时36.43 小时").
 */
function crowdedFigures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const row of Array.from(document.querySelectorAll<HTMLElement>('.lx-h5-figures, .lx-h5-counts'))) {
      const cells = Array.from(row.children) as HTMLElement[];
      const figures = cells.map((cell) => cell.querySelector('strong')).filter((f): f is HTMLElement => f !== null);
      cells.forEach((cell, i) => {
        const figure = cell.querySelector('strong');
        if (figure && figure.getBoundingClientRect().width > cell.getBoundingClientRect().width + 1) found.push(`figure ${i + 1} "${figure.textContent}" is wider than its cell`);
      });
      figures.forEach((a, i) =>
        figures.slice(i + 1).forEach((b) => {
          const r = a.getBoundingClientRect();
          const q = b.getBoundingClientRect();
          if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) found.push(`"${a.textContent}" overlaps "${b.textContent}"`);
        }),
      );
    }
    return found;
  });
}

type PhonePage = { name: string; path: (ids: Ids) => string; as: string | null; ready: string };
type Ids = { need: string; team: string; activity: string };

const phonePages: PhonePage[] = [
  { name: 'login', path: () => '/h5/login', as: null, ready: '[data-testid=h5-login-submit]' },
  { name: 'register', path: () => '/h5/register', as: null, ready: 'form' },
  { name: 'home-resident', path: () => '/h5', as: demo.resident, ready: '[data-testid=h5-rate-card]' },
  { name: 'home-volunteer', path: () => '/h5', as: demo.volunteer, ready: '[data-testid=h5-volunteer-card] [data-testid=need-card]' },
  { name: 'needs-mine', path: () => '/h5/needs', as: demo.resident, ready: '[data-testid=need-list-mine] [data-testid=need-card]' },
  { name: 'need-post', path: () => '/h5/needs/new', as: demo.resident, ready: '[data-testid=h5-need-post]' },
  { name: 'need-detail', path: (ids) => `/h5/needs/${ids.need}`, as: demo.volunteer, ready: '[data-testid=need-place]' },
  { name: 'me', path: () => '/h5/me', as: demo.volunteer, ready: '[data-testid=me-figures]' },
  { name: 'pool', path: () => '/h5/pool', as: demo.volunteer, ready: '[data-testid=need-list-pool]' },
  { name: 'tasks', path: () => '/h5/tasks', as: demo.volunteer, ready: '[data-testid=need-list-tasks] [data-testid=need-card]' },
  { name: 'inbox', path: () => '/h5/inbox', as: demo.volunteer, ready: '[data-testid=h5-inbox-list]' },
  { name: 'inbox-preferences', path: () => '/h5/inbox/preferences', as: demo.volunteer, ready: '.lx-h5-page' },
  { name: 'volunteer', path: () => '/h5/volunteer', as: demo.volunteer, ready: '.lx-h5-page' },
  { name: 'teams', path: () => '/h5/teams', as: demo.volunteer, ready: '[data-testid=h5-team-card]' },
  { name: 'team', path: (ids) => `/h5/teams/${ids.team}`, as: demo.teamLeader, ready: '.lx-h5-page' },
  { name: 'posts', path: () => '/h5/posts', as: demo.volunteer, ready: '[data-testid=posts-near]' },
  { name: 'activities', path: () => '/h5/activities', as: demo.volunteer, ready: '.lx-h5-list' },
  { name: 'activity', path: (ids) => `/h5/activities/${ids.activity}`, as: demo.volunteer, ready: '.lx-h5-page' },
  { name: 'conduct', path: () => '/h5/conduct', as: demo.volunteer, ready: '.lx-h5-page' },
  { name: 'certificates', path: () => '/h5/me/certificates', as: demo.volunteer, ready: '.lx-h5-page' },
  { name: 'whistles', path: () => '/h5/whistles', as: demo.teamLeader, ready: '.lx-h5-list' },
  { name: 'team-orders', path: () => '/h5/team-orders', as: demo.teamLeader, ready: '[data-testid=need-list-team]' },
  { name: 'home-leader', path: () => '/h5', as: demo.teamLeader, ready: '[data-testid=work-count-toTake] strong' },
  { name: 'work', path: () => '/h5/work', as: GRID_WORKER, ready: '[data-testid=need-list-all]' },
  { name: 'visit-entry', path: () => '/h5/needs/new', as: GRID_WORKER, ready: '[data-testid=visit-requester]' },
  { name: 'home-admin', path: () => '/h5', as: demo.communityAdmin, ready: '[data-testid=work-count-overdue] strong' },
  { name: 'home-partner', path: () => '/h5', as: PARTNER, ready: '[data-testid=h5-unit-card]' },
  { name: 'partner-unit', path: () => '/h5/partner-unit', as: PARTNER, ready: '[data-testid=h5-partner-unit]' },
  { name: 'help', path: () => '/h5/help', as: demo.teamLeader, ready: '[data-testid=h5-help] h2' },
  { name: 'password', path: () => '/h5/password', as: demo.resident, ready: 'form' },
];

async function ids(api: APIRequestContext, leader: APIRequestContext, need: string): Promise<Ids> {
  const [team] = await ok<{ id: string }[]>(leader.get('/api/teams/mine'), 'teams');
  const activities = await ok<{ items: { id: string }[] }>(api.get('/api/activities?page=1&pageSize=1'), 'activities');
  return { need, team: team!.id, activity: activities.items[0]!.id };
}

/**
 * Waits for the page's own content, then for its lists to hold every page (an infinite list's footer
 * says "加载中" until it is scrolled to), for the spinners to go and the animations to finish.
 */
async function open(page: Page, entry: PhonePage, target: string) {
  await page.goto(target);
  await page.locator(entry.ready).first().waitFor({ timeout: 15_000 });
  await settledPhoneLists(page);
  await page
    .locator('.adm-dot-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(async (error: Error) => {
      const where = await page.locator('.adm-dot-loading').first().evaluate((el) => `${el.parentElement?.className} "${el.parentElement?.textContent}"`);
      throw new Error(`${entry.name}: still loading after the lists settled, in ${where}: ${error.message}`);
    });
  await settled(page);
}

describe.each([
  { mode: 'normal', large: false },
  { mode: 'large', large: true },
])('every phone page in $mode text', ({ large }) => {
  it(`axe-core finds no serious or critical violation${large ? '; no text under 18 px, tab labels and tags measured' : ''}`, { timeout: 300_000 }, async () => {
    const volunteer = await apiAs(demo.volunteer);
    const known = await ids(volunteer, await apiAs(demo.teamLeader), takeId);
    const problems: string[] = [];
    const byPerson = new Map<string | null, PhonePage[]>();
    for (const p of phonePages) byPerson.set(p.as, [...(byPerson.get(p.as) ?? []), p]);
    for (const [phone, entries] of byPerson) {
      await session('phone', async (page) => {
        await page.addInitScript((on) => localStorage.setItem('lianxin.largeText', on ? '1' : '0'), large);
        if (phone) {
          await phoneLogin(page, phone);
          await page.waitForURL((url) => !url.pathname.endsWith('/login'));
        }
        for (const entry of entries) {
          await open(page, entry, entry.path(known));
          for (const v of await axeViolations(page)) problems.push(`${entry.name}: ${v}`);
          if (large) {
            for (const s of await smallText(page)) problems.push(`${entry.name}: text under 18 px: ${s}`);
            for (const s of await crowdedFigures(page)) problems.push(`${entry.name}: figures run together: ${s}`);
            // the resident's home in large text illustrates the resident's guide
            await (entry.name === 'home-resident' ? guideSnap : snap)(page, `phone-large-${entry.name}`);
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });
});

it('large-text mode: the tab-bar labels, status tags and role tags measure at least 18 px, tab items at least 48 px high', async () => {
  await session('phone', async (page) => {
    await page.addInitScript(() => localStorage.setItem('lianxin.largeText', '1'));
    await phoneLogin(page, demo.teamLeader);
    await page.getByTestId('h5-home').waitFor();
    await settled(page);
    const sizes = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    const tabLabels = await sizes('.adm-tab-bar-item-title');
    const roleTags = await sizes('.lx-h5-hero .adm-tag');
    // the leader (a volunteer too) had seven tabs, too narrow for large text: five at most, no label cut
    expect(tabLabels.length).toBe(5);
    const cut = await page.locator('.adm-tab-bar-item-title').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
    expect(cut).toEqual([]);
    expect(roleTags.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...tabLabels, ...roleTags)).toBeGreaterThanOrEqual(18);
    const tabHeights = await page.locator('.adm-tab-bar-item').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...tabHeights)).toBeGreaterThanOrEqual(48);
    await page.goto('/h5/team-orders');
    await page.locator('[data-testid=need-card] .adm-tag').first().waitFor();
    const statusTags = await sizes('[data-testid=need-card] .adm-tag');
    expect(Math.min(...statusTags)).toBeGreaterThanOrEqual(18);
  });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
