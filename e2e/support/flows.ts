import type { BrowserContext, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { apiSessions } from './api.js';
import { snap } from './browser.js';
import { openSession } from './sessions.js';

type Env = { readonly browser: import('playwright-core').Browser; readonly server: { baseUrl: string } };

/** Waits until the animations have finished, so a screenshot shows nothing half faded. */
export const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

/**
 * The browser sessions of one flow spec: `session(device, act)` opens a desk (the office's common
 * 1366×768 laptop with `deskLaptop`, else 1440×900) or a phone (390×844) and saves a screenshot named
 * after the spec when a step fails; `apiAs(phone)` signs a demo person in for the steps the spec is
 * not about. Every context is closed after the spec.
 */
export function flows(env: Env, name: string, opts: { deskLaptop?: boolean; serviceWorkers?: 'allow' | 'block' } = {}) {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });
  return {
    apiAs: apiSessions(env, contexts),
    async session(device: 'desk' | 'phone', act: (page: Page) => Promise<void>) {
      const { context, page } = await openSession(env.browser, env.server.baseUrl, device, { serviceWorkers: opts.serviceWorkers });
      contexts.push(context);
      const seen = watchTrouble(page);
      try {
        if (device === 'desk' && opts.deskLaptop) await page.setViewportSize({ width: 1366, height: 768 });
        await act(page);
      } catch (error) {
        await snap(page, `${name}-failed-${device}-${Date.now()}`).catch(() => undefined);
        // CI keeps no screenshots: the failure itself says what the page was told and showed
        if (error instanceof Error) error.message += await seen.report().catch(() => '');
        throw error;
      }
    },
  };
}

/**
 * What went wrong on a page besides the step that failed: the API's answers of 400 and above (with
 * the start of their body), requests never answered, the page's uncaught errors, and the messages on
 * screen when it failed.
 */
function watchTrouble(page: Page) {
  const lines: string[] = [];
  const keep = (line: string) => lines.length < 20 && lines.push(line) > 0;
  const open = new Map<object, string>(); // API requests still waiting for their answer
  page.on('response', (r) => {
    open.delete(r.request());
    if (r.status() < 400 || !r.url().includes('/api/')) return;
    const at = lines.length;
    if (!keep(`${new Date().toISOString().slice(11, 23)} ${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`)) return;
    // the body, when it has come in by the time of the report
    void r.text().then((body) => (lines[at] += ` ${body.slice(0, 200)}`), () => undefined);
  });
  page.on('request', (r) => {
    if (r.url().includes('/api/')) open.set(r, `${new Date().toISOString().slice(11, 23)} ${r.method()} ${new URL(r.url()).pathname}`);
  });
  page.on('requestfailed', (r) => {
    open.delete(r);
    if (r.url().includes('/api/')) keep(`${r.method()} ${new URL(r.url()).pathname} failed: ${r.failure()?.errorText ?? ''}`);
  });
  page.on('pageerror', (e) => keep(`page error: ${e.message}`));
  return {
    async report() {
      const shown = await page
        .locator('.ant-message-notice, .ant-notification-notice, .adm-toast-main, .ant-form-item-explain-error, .ant-modal-title')
        .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
      const waiting = [...open.values()].map((r) => `${r} still unanswered`);
      return `\n  page: ${page.url()}\n  on screen: ${shown.join(' | ') || '(no message)'}\n  ${[...lines, ...waiting].join('\n  ') || '(no API error)'}`;
    },
  };
}
