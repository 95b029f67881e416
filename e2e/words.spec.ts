import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSessions, ok } from './support/api.js';
import { demo, snap } from './support/browser.js';
import { settledTable } from './support/lists.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

// Codes never reach the screen: the audit log and the need-category settings, as the demo's district
// admin sees them, in both languages, hold no dotted code (needs.submit, elderly.companion …) in any cell.
const env = serverAndBrowser();

/** A dotted code as the server writes them: module.action, category.child, ledger.rule.change. */
const DOTTED_CODE = /\b[a-z]+\.[a-z][A-Za-z_.]+\b/g;

async function asDistrictAdmin(language: 'zh-CN' | 'en', act: (page: Page) => Promise<void>) {
  const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
  await context.addInitScript((chosen: string) => localStorage.setItem('lianxin.language', chosen), language);
  try {
    await deskLogin(page, demo.districtAdmin);
    await page.getByTestId('data-scope').waitFor();
    await act(page);
  } catch (error) {
    await snap(page, `words-failed-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** The text of every body cell of the page's tables. */
const cellTexts = (page: Page) => page.locator('.ant-table-tbody td').allInnerTexts();
const codesIn = (texts: string[]) => [...new Set(texts.flatMap((text) => text.match(DOTTED_CODE) ?? []))];

describe('no code reaches the screen', () => {
  const contexts: BrowserContext[] = [];
  afterAll(() => Promise.all(contexts.map((c) => c.close())));

  // the demo seeds through the services without a log of its own: make entries of several modules
  // first, as staff do — a category and a decline reason edited, the volunteer register exported, a
  // failed sign-in (a visitor, no actor)
  beforeAll(async () => {
    const admin = await apiSessions(env, contexts)(demo.districtAdmin);
    const categories = await ok<{ id: string; code: string; sortOrder: number }[]>(admin.get('/api/need-categories'), 'categories');
    const companion = categories.find((c) => c.code === 'elderly.companion')!;
    await ok(admin.patch(`/api/need-categories/${companion.id}`, { data: { sortOrder: companion.sortOrder } }), 'edit category');
    const [reason] = await ok<{ code: string; label: string; labelEn: string }[]>(admin.get('/api/need-config/decline-reasons'), 'decline reasons');
    await ok(admin.put(`/api/need-config/decline-reasons/${reason!.code}`, { data: { label: reason!.label, labelEn: reason!.labelEn } }), 'save decline reason');
    expect((await admin.get('/api/volunteers/export')).status()).toBe(200);
    const visitor = await env.browser.newContext({ baseURL: env.server.baseUrl });
    contexts.push(visitor);
    expect((await visitor.request.post('/api/auth/login', { data: { phone: demo.resident, password: 'not-the-password-1' } })).status()).toBe(401);
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`the audit log names every action, object and the system in words (${language})`, async () => {
      await asDistrictAdmin(language, async (page) => {
        const answer = await page.request.get('/api/audit?page=1&pageSize=200');
        expect(answer.status()).toBe(200);
        const entries = ((await answer.json()) as { items: { action: string }[] }).items;
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
        for (const action of entries.map((e) => e.action)) expect(actionCells).not.toContain(action);
        await snap(page, `words-audit-${language}`);
      });
    });

    it(`the need-category settings show names, not codes (${language})`, async () => {
      await asDistrictAdmin(language, async (page) => {
        await page.goto('/needs-config');
        await page.locator('.ant-table-tbody tr').first().waitFor();
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
  }
});
