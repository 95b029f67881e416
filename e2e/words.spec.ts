import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSessions, ok } from './support/api.js';
import { demo, snap } from './support/browser.js';
import { settledTable } from './support/lists.js';
import { makePng } from './support/png.js';
import { rawKeysSeen, watchForRawKeys } from './support/raw-keys.js';
import { deskLogin, openSession, phoneLogin } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

// Codes never reach the screen: the audit log (its rows and every entry's details), the need-category
// settings and a need's detail page (desk and phone: its facts, people, rating and timeline), as the
// demo's people see them, in both languages, hold no code the server answered with — no dotted code
// (needs.submit, elderly.companion …), no enum value (serviceRequest, hotline, accepted, true) and no
// catalogue key; and the desk breadcrumb names the page it is on (首页 / 帮助 / 区管理员使用指南).
const env = serverAndBrowser();
const TEAM = '文化社区红马甲志愿服务队';

/** A word of a web catalogue, to expect it on screen. */
function word(ns: string, language: string, key: string): string {
  const file = path.resolve(import.meta.dirname, `../web/src/features/${ns}/locales/${language}.json`);
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], JSON.parse(fs.readFileSync(file, 'utf8')));
  if (typeof found !== 'string') throw new Error(`${ns}:${key} is not a word in ${language}`);
  return found;
}

/**
 * The codes in a server answer: every string value that reads as an identifier (serviceRequest, in_service,
 * hotline, accepted — one lowercase word or camel/snake case, a comma list of them) and every boolean as
 * "true"/"false"; under `skip` (names, texts the people wrote) nothing is taken.
 */
function codesOf(value: unknown, skip: readonly string[] = []): string[] {
  if (typeof value === 'boolean') return [String(value)];
  if (typeof value === 'string') return value.split(',').filter((part) => /^[a-z][A-Za-z0-9_]*$/.test(part));
  if (Array.isArray(value)) return value.flatMap((v) => codesOf(v, skip));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (skip.includes(k) ? [] : codesOf(v, skip)));
  return [];
}

/**
 * The codes of `codes` that stand on screen as a word of their own (case as written: "Accepted" is a word,
 * "accepted" the code). In English a code that is also a plain word ("closed" in "Checked in / closed") is
 * prose, so there only the codes no sentence holds are looked for: camelCase, snake_case, true / false.
 */
const shown = (text: string, codes: string[], language: 'zh-CN' | 'en') =>
  [...new Set(codes)]
    .filter((code) => language === 'zh-CN' || /[A-Z_0-9]/.test(code) || code === 'true' || code === 'false')
    .filter((code) => new RegExp(`(?<![A-Za-z0-9_])${code}(?![A-Za-z0-9_])`).test(text));

/** A signed-in session of a demo person in one language, watched for catalogue keys from its first byte. */
async function asPerson(device: 'desk' | 'phone', phone: string, language: 'zh-CN' | 'en', act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, device);
  await context.addInitScript((chosen: string) => localStorage.setItem('lianxin.language', chosen), language);
  await watchForRawKeys(context);
  try {
    if (device === 'desk') {
      await deskLogin(page, phone);
      await page.getByTestId('data-scope').waitFor();
    } else {
      await phoneLogin(page, phone);
      await page.getByTestId('h5-home').waitFor();
    }
    await act(page);
    expect(await rawKeysSeen(page), 'catalogue keys on screen').toEqual([]);
  } catch (error) {
    await snap(page, `words-failed-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** A dotted code as the server writes them: module.action, category.child, ledger.rule.change. */
const DOTTED_CODE = /\b[a-z]+\.[a-z][A-Za-z_.]+\b/g;

const asDistrictAdmin = (language: 'zh-CN' | 'en', act: (page: Page) => Promise<void>) => asPerson('desk', demo.districtAdmin, language, act);

/** The text of every body cell of the page's tables. */
const cellTexts = (page: Page) => page.locator('.ant-table-tbody td').allInnerTexts();
const codesIn = (texts: string[]) => [...new Set(texts.flatMap((text) => text.match(DOTTED_CODE) ?? []))];

type Need = { id: string; kind: string; channel: string; severity: string; status: string };

describe('no code reaches the screen', () => {
  const contexts: BrowserContext[] = [];
  afterAll(() => Promise.all(contexts.map((c) => c.close())));
  /** A resident's need taken through the whole chain — accepted as important, dispatched, served, rated — by the API. */
  let needId = '';

  // the demo seeds through the services without a log of its own: make entries of several modules
  // first, as staff do — a category and a decline reason edited, the volunteer register exported, a
  // failed sign-in (a visitor, no actor)
  beforeAll(async () => {
    const admin = await apiSessions(env, contexts)(demo.districtAdmin);
    const categories = await ok<{ id: string; code: string; sortOrder: number; parentId: string | null }[]>(admin.get('/api/need-categories'), 'categories');
    const companion = categories.find((c) => c.code === 'elderly.companion')!;
    await ok(admin.patch(`/api/need-categories/${companion.id}`, { data: { sortOrder: companion.sortOrder } }), 'edit category');
    const [reason] = await ok<{ code: string; label: string; labelEn: string }[]>(admin.get('/api/need-config/decline-reasons'), 'decline reasons');
    await ok(admin.put(`/api/need-config/decline-reasons/${reason!.code}`, { data: { label: reason!.label, labelEn: reason!.labelEn } }), 'save decline reason');
    expect((await admin.get('/api/volunteers/export')).status()).toBe(200);
    // a new child category: its entry holds only its dotted code, which the page names by the category
    await ok(admin.post('/api/need-categories', { data: { parentId: companion.parentId, code: 'elderly.wordscheck', name: '读报陪伴', nameEn: 'Reading together' } }), 'new category');
    const visitor = await env.browser.newContext({ baseURL: env.server.baseUrl });
    contexts.push(visitor);
    expect((await visitor.request.post('/api/auth/login', { data: { phone: demo.resident, password: 'not-the-password-1' } })).status()).toBe(401);

    // a need through the chain: its facts, people, rating and timeline all hold codes, and so do the
    // audit entries of each step (kind and channel; the status before and after)
    const apiAs = apiSessions(env, contexts);
    const resident = await apiAs(demo.resident);
    const me = await ok<{ account: { regionId: string } }>(resident.get('/api/auth/me'), 'me');
    const need = await ok<Need>(
      resident.post('/api/needs', {
        data: { kind: 'serviceRequest', categoryId: categories.find((c) => c.code === 'elderly.haircut')!.id, title: '词语检查：上门理发', description: '老人腿脚不便，希望志愿者上门理发。', regionId: me.account.regionId, address: '2单元301室' },
      }),
      'post need',
    );
    needId = need.id;
    const community = await apiAs(demo.communityAdmin);
    await ok(community.post(`/api/needs/${needId}/accept`, { data: { severity: 'important' } }), 'accept');
    const teams = await ok<{ id: string; name: string }[]>(community.get('/api/teams'), 'teams');
    await ok(community.post(`/api/needs/${needId}/dispatch`, { data: { teamId: teams.find((t) => t.name === TEAM)!.id } }), 'dispatch');
    const leader = await apiAs(demo.teamLeader);
    await ok(leader.post(`/api/needs/${needId}/take`, { data: {} }), 'take');
    const volunteer = await apiAs(demo.volunteer);
    const volunteerId = (await ok<{ account: { id: string } }>(volunteer.get('/api/auth/me'), 'me')).account.id;
    await ok(leader.post(`/api/needs/${needId}/assign`, { data: { volunteerId } }), 'assign');
    await ok(volunteer.post(`/api/needs/${needId}/check-in`, { data: {} }), 'check in');
    const photo = await ok<{ id: string }>(volunteer.post('/api/files', { multipart: { file: { name: 'done.png', mimeType: 'image/png', buffer: makePng(160, 160, [200, 40, 40], [250, 220, 200]) } } }), 'photo');
    await ok(volunteer.post(`/api/needs/${needId}/complete`, { data: { summary: '已上门理发，老人很满意。', photos: [photo.id] } }), 'complete');
    await ok(resident.post(`/api/needs/${needId}/rate`, { data: { rating: 5, solved: true, comment: '谢谢志愿者' } }), 'rate');
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`the audit log names every action, object and the system in words (${language})`, async () => {
      await asDistrictAdmin(language, async (page) => {
        const answer = await page.request.get('/api/audit?page=1&pageSize=200');
        expect(answer.status()).toBe(200);
        const entries = ((await answer.json()) as { items: { action: string; details: Record<string, unknown> | null }[] }).items;
        const recorded = new Set(entries.map((e) => e.action.split('.')[0]));
        expect([...recorded].sort(), 'entries of several modules').toEqual(expect.arrayContaining(['auth', 'needs', 'volunteers']));

        await page.goto('/audit?page=1&pageSize=200');
        const table = await settledTable(page.getByTestId('audit-table'));
        // open every entry's details too: their names are words as well
        const expanders = table.locator('.ant-table-row-expand-icon-collapsed');
        for (let i = await expanders.count(); i > 0; i--) await expanders.first().click();
        await expect.poll(() => table.locator('.ant-descriptions-item-label').count()).toBeGreaterThan(3);
        const texts = await table.locator('.ant-table-tbody td').allInnerTexts();
        expect(texts.length).toBeGreaterThan(entries.length); // several cells a row: the rows are on screen
        expect(codesIn(texts)).toEqual([]);
        // the action column holds words, not the codes the API answered with
        const actionCells = await table.locator('.ant-table-tbody .ant-tag').allInnerTexts();
        const labels = await table.locator('.ant-descriptions-item-label').allInnerTexts();
        expect(labels).toContain(language === 'en' ? 'Phone' : '手机号'); // the failed sign-in's masked phone
        // every detail's value in words: the submission's kind and channel, the steps' statuses, the
        // edited category's field, the rating's booleans — none of the codes the API answered with
        const details = (await table.locator('[data-testid=audit-details]').allInnerTexts()).join('\n');
        const codes = entries.flatMap((e) => codesOf(e.details, ['name', 'label', 'labelEn', 'reason', 'note', 'summary', 'title']));
        expect(codes, 'the entries hold codes to look for').toEqual(expect.arrayContaining(['serviceRequest', 'self', 'accepted', 'dispatched', 'sortOrder']));
        expect(shown(details, codes, language)).toEqual([]);
        expect(details).toContain(language === 'en' ? 'Reading together' : '读报陪伴'); // the new category by its name, not elderly.wordscheck
        for (const [ns, key] of [['needs', 'kind.serviceRequest'], ['needs', 'channel.self'], ['needs', 'status.accepted'], ['needs', 'status.dispatched']]) expect(details).toContain(word(ns!, language, key!));
        for (const action of entries.map((e) => e.action)) expect(actionCells).not.toContain(action);
        await snap(page, `words-audit-${language}`);
      });
    });

    it(`the need-category settings show names, not codes (${language})`, async () => {
      await asDistrictAdmin(language, async (page) => {
        await page.goto('/needs-config');
        // a data row, not the placeholder row the table shows while it loads
        await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
        // open every parent so the child categories (elderly.companion …) are on screen too
        for (let i = 0; i < 30; i++) {
          const collapsed = page.locator('.ant-table-row-expand-icon-collapsed').first();
          if (!(await collapsed.count())) break;
          await collapsed.click();
        }
        const texts = await cellTexts(page);
        expect(texts.join(' ')).toContain(language === 'en' ? 'Companionship' : '陪伴聊天');
        expect(codesIn(texts)).toEqual([]);
        await snap(page, `words-needs-config-${language}`);
      });
    });

    it(`a need's detail page shows its facts, people, rating and timeline in words (desk, ${language})`, async () => {
      await asDistrictAdmin(language, async (page) => {
        const need = await ok<Need & Record<string, unknown>>(page.request.get(`/api/needs/${needId}`), 'need');
        // five stars and solved: the order is closed (办结) at once
        expect(need.status).toBe('closed');
        await page.goto(`/needs/${needId}`);
        await page.locator('[data-testid=need-detail][data-status=closed]').waitFor();
        await page.getByTestId('need-rating').waitFor();
        await page.getByTestId('need-timeline').locator('[data-action=rate]').waitFor();
        const text = await page.getByTestId('need-detail').innerText();
        const codes = codesOf(need, ['title', 'description', 'address', 'requesterName', 'regionName', 'place', 'teamName', 'categoryName', 'categoryNameEn', 'volunteerName', 'summary', 'ratingComment', 'note', 'actorName', 'number']);
        expect(codes, 'the need holds codes to look for').toEqual(expect.arrayContaining(['serviceRequest', 'self', 'important', 'closed', 'assign', 'done', 'true']));
        expect(shown(text, codes, language)).toEqual([]);
        expect(text.match(DOTTED_CODE) ?? []).toEqual([]);
        const facts = await page.getByTestId('need-info').innerText();
        for (const key of ['kind.serviceRequest', 'channel.self', 'severity.important', 'status.closed']) expect(facts).toContain(word('needs', language, key));
        expect(await page.getByTestId('need-assignments').innerText()).toContain(word('needs', language, 'via.assign'));
        expect(await page.getByTestId('need-rating').innerText()).toContain(word('needs', language, 'fact.solved'));
        await snap(page, `words-need-desk-${language}`);
      });
    });

    it(`a need's detail page on the phone shows its facts and steps in words (the resident, ${language})`, async () => {
      await asPerson('phone', demo.resident, language, async (page) => {
        const need = await ok<Need & Record<string, unknown>>(page.request.get(`/api/needs/${needId}`), 'need');
        await page.goto(`/h5/needs/${needId}`);
        await page.locator('[data-testid=h5-need-detail][data-status=closed]').waitFor();
        await page.getByTestId('need-rating').waitFor();
        const text = await page.getByTestId('h5-need-detail').innerText();
        const codes = codesOf(need, ['title', 'description', 'address', 'requesterName', 'regionName', 'place', 'teamName', 'categoryName', 'categoryNameEn', 'volunteerName', 'summary', 'ratingComment', 'note', 'actorName', 'number']);
        expect(shown(text, codes, language)).toEqual([]);
        expect(text.match(DOTTED_CODE) ?? []).toEqual([]);
        expect(text).toContain(word('needs', language, 'kind.serviceRequest'));
        expect(text).toContain(word('needs', language, 'event.rate'));
        await snap(page, `words-need-phone-${language}`);
      });
    });

    it(`the desk breadcrumb names the page: the help page and its guide, the inbox (${language})`, async () => {
      await asDistrictAdmin(language, async (page) => {
        const crumbs = async () => (await page.getByTestId('breadcrumb').locator('.ant-breadcrumb-link').allInnerTexts()).map((c) => c.trim());
        await page.goto('/help');
        await page.getByTestId('help-page').waitFor();
        const guide = fs.readFileSync(path.resolve(import.meta.dirname, `../docs/guide/${language}/district-admin.md`), 'utf8').split('\n')[0]!.replace(/^#\s+/, '').trim();
        await expect.poll(crumbs).toEqual([word('shell', language, 'menu.workbench'), word('help', language, 'link'), guide]);
        await snap(page, `words-help-crumb-${language}`);
        await page.goto('/inbox');
        await page.getByTestId('inbox-page-table').waitFor();
        await expect.poll(crumbs).toEqual([word('shell', language, 'menu.workbench'), word('notifications', language, 'title')]);
        await page.goto(`/needs/${needId}`);
        await page.getByTestId('need-detail').waitFor();
        await expect.poll(crumbs).toEqual([word('shell', language, 'menu.workbench'), word('needs', language, 'menu.needs'), word('shell', language, 'crumb.detail')]);
        // every menu entry reads in full, none cut off with an ellipsis at the menu's width
        const clipped = await page.getByTestId('side-menu').locator('.ant-menu-title-content').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
        expect(clipped).toEqual([]);
      });
    });
  }
});
