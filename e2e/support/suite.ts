import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The built server and a Chromium for the suite it is called in: started before its tests, stopped
 * after. Read them through the returned object once the suite runs (`env.server`, `env.browser`).
 * The server starts on a copy of the district the run seeded once (template.ts), unless `fresh`
 * asks for a first start of its own.
 */
export function serverAndBrowser(
  env: Record<string, string> = {},
  { fresh = false }: { fresh?: boolean } = {},
): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const template = fresh ? undefined : inject('e2eTemplate');
    server = await startServer({ env, ...(template ? { copyOf: template } : {}) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
