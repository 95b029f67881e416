import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { deskLogin, openSession } from './support/sessions.js';
import { serverAndBrowser } from './support/suite.js';

// the receiver runs on 127.0.0.1: allowed here as on an intranet installation
const env = serverAndBrowser({ WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true' });
const DISTRICT_ADMIN = '13800000000';

/** Screenshots once antd's open animations have finished, so nothing is half faded. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

type Received = { headers: http.IncomingHttpHeaders; body: string };

describe('接口推送 (back office)', () => {
  let receiver: http.Server;
  let hookUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/lianxin`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('the district admin registers a webhook, keeps the secret shown once, sends a test event and sees it delivered in the log', async () => {
    const { context, page } = await openSession(env.browser, env.server.baseUrl, 'desk');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await deskLogin(page, DISTRICT_ADMIN);
      await page.waitForURL((url) => url.pathname === '/');

      await page.goto('/webhooks');
      await page.getByTestId('webhook-add').click();
      const form = page.getByRole('dialog');
      await form.getByTestId('webhook-url').fill(hookUrl);
      await form.getByTestId('webhook-description').fill('区数据中台');
      await settled(page);
      await snap(page, 'webhooks-create');
      await form.getByRole('button', { name: /保\s*存/ }).click();

      const secretText = page.getByTestId('webhook-secret').locator('code');
      await secretText.waitFor();
      const secret = (await secretText.textContent())!;
      expect(secret).toMatch(/^whsec_/);
      await page.getByText('接收方如何校验签名').click();
      await settled(page);
      await snap(page, 'webhooks-secret');
      await page.getByTestId('secret-close').click();

      const row = page.locator('tr.ant-table-row', { hasText: '区数据中台' });
      await row.waitFor();
      await settled(page);
      await snap(page, 'webhooks-list');
      await row.getByTestId('webhook-test').click();
      await row.getByTestId('webhook-log').click();

      // the log refreshes itself while the delivery waits; the server's job loop sends it within seconds
      const drawer = page.locator('.ant-drawer');
      await drawer.locator('tr.ant-table-row', { hasText: '成功' }).waitFor({ timeout: 20_000 });
      const delivered = drawer.locator('tr.ant-table-row').first();
      expect(await delivered.textContent()).toContain('测试事件');
      expect(await delivered.textContent()).toContain('204');
      await settled(page);
      await snap(page, 'webhooks-log');

      // what arrived verifies with the secret the page showed
      const [got] = received;
      expect(got).toBeDefined();
      const expected = `sha256=${crypto.createHmac('sha256', secret).update(`${got!.headers['x-lianxin-timestamp']}.${got!.body}`).digest('hex')}`;
      expect(got!.headers['x-lianxin-signature']).toBe(expected);
      expect(JSON.parse(got!.body)).toMatchObject({ type: 'webhooks.test', data: { test: true } });
    } catch (error) {
      await snap(page, `webhooks-failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
