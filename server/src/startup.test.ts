import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEarly, type Startup } from './startup.js';

describe('npm start listens before the app is ready', () => {
  let startup: Startup;
  let base: string;
  const lines: string[] = [];
  beforeAll(async () => {
    startup = await listenEarly({ port: 0, host: '127.0.0.1', log: (m) => lines.push(m) });
    base = `http://127.0.0.1:${(startup.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => startup.server.close(() => resolve())));

  it('shows the seeding progress on every page and in the console, and answers the API with 503 and Retry-After', async () => {
    startup.phase('正在准备演示数据 | seeding the demo district');
    startup.step(4, 14, '一年的群众需求与订单 | a year of needs and orders');
    const page = await fetch(`${base}/h5/anything`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('2');
    const html = await page.text();
    expect(html).toContain('正在准备演示数据');
    expect(html).toContain('seeding the demo district');
    expect(html).toContain('4 / 14'); // step 5 of 14 starts: 4 done
    // the step's title in both languages, never its name
    expect(html).toContain('一年的群众需求与订单 · a year of needs and orders');
    const api = await fetch(`${base}/api/needs`);
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ code: 'system.starting' });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(lines.some((l) => l.includes('step 5 of 14, a year of needs and orders'))).toBe(true);
  });

  it('hands every request to the app once it is ready, on the same listening port', async () => {
    startup.serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('the app'));
    const res = await fetch(`${base}/api/needs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('the app');
  });
});
