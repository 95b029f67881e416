import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from './browser.js';

type Answer = { ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> };

/** The JSON of an answer that must be a success; otherwise what failed, with the server's words. */
export async function ok<T>(pending: Promise<Answer>, what: string): Promise<T> {
  const res = await pending;
  if (!res.ok()) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Signed-in API sessions of demo people (the same cookies a page of that context would carry),
 * for the steps of a flow that are not what the test is about; `contexts` collects them to close.
 */
export function apiSessions(env: { browser: Browser; server: { baseUrl: string } }, contexts: BrowserContext[]) {
  return async function apiAs(phone: string): Promise<APIRequestContext> {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl, locale: 'zh-CN' });
    contexts.push(context);
    const res = await context.request.post('/api/auth/login', { data: { phone, password: DEMO_PASSWORD } });
    if (!res.ok()) throw new Error(`login ${phone}: ${res.status()} ${await res.text()}`);
    return context.request;
  };
}
