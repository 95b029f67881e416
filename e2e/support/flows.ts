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
      try {
        if (device === 'desk' && opts.deskLaptop) await page.setViewportSize({ width: 1366, height: 768 });
        await act(page);
      } catch (error) {
        await snap(page, `${name}-failed-${device}-${Date.now()}`).catch(() => undefined);
        throw error;
      }
    },
  };
}
