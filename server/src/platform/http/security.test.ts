import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/* Issue 12, finding 8: headers, caching of personal data, and requests forged from other sites. */
describe('security headers and cross-site writes', () => {
  let t: TestApp;
  let secure: TestApp;
  let cookie: string;

  let web: string;
  beforeAll(async () => {
    web = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-web-'));
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><div id="root"></div>');
    // a built asset with the copies vite build writes beside it (web/vite.config.ts `precompress`)
    const code = 'export const words = "' + 'lianxin '.repeat(400) + '";';
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'assets', 'app-Ab12Cd34.js'), code);
    fs.writeFileSync(path.join(web, 'assets', 'app-Ab12Cd34.js.br'), zlib.brotliCompressSync(code));
    fs.writeFileSync(path.join(web, 'assets', 'app-Ab12Cd34.js.gz'), zlib.gzipSync(code));
    fs.writeFileSync(path.join(web, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    t = await createTestApp('pglite', { webDist: web });
    secure = await createTestApp('pglite', { secureCookies: true });
    cookie = await t.login('communityAdmin1');
  });
  afterAll(async () => {
    await t.close();
    await secure.close();
  });

  it('serves an asset built after the start, and answers a missing file with 404, never with the page', async () => {
    // web/dist rebuilt under the running server: its new page asks for a new asset
    fs.writeFileSync(path.join(web, 'assets', 'later-Zz98Yy76.js'), 'export const later = 1;');
    const later = await t.app.inject({ url: '/assets/later-Zz98Yy76.js' });
    expect(later.statusCode).toBe(200);
    expect(later.headers['content-type']).toContain('javascript');
    expect(later.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(later.body).toBe('export const later = 1;');
    for (const url of ['/assets/gone-00000000.js', '/assets/gone.css?v=1']) {
      const missing = await t.app.inject({ url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.headers['content-type'], url).toContain('application/json');
    }
    // a file beside web/dist is never served, whatever the encoding (a dot segment the URL parser resolves
    // itself leaves an address outside /assets/: the page)
    const secret = `secret-${Date.now()}.txt`;
    fs.writeFileSync(path.join(web, '..', secret), 'not for the web');
    for (const url of [`/assets/..%2F..%2F${secret}`, `/assets/%2e%2e/%2e%2e/${secret}`, `/assets/..%5C..%5C${secret}`]) {
      const outside = await t.app.inject({ url });
      expect(outside.body, url).not.toContain('not for the web');
      expect(outside.statusCode === 404 || String(outside.headers['content-type']).includes('text/html'), url).toBe(true);
    }
    fs.rmSync(path.join(web, '..', secret));
    // the pages' own addresses still get the page, a dot in them too (a card's verification code)
    for (const url of ['/h5/needs/XQ20261205-66QL7J', '/verify/card/LX000123.k9Zq2w', '/verify/card/abc.js']) expect((await t.app.inject({ url })).headers['content-type'], url).toContain('text/html');
  });

  it('pages carry a Content-Security-Policy that allows only our own scripts', async () => {
    const page = await t.app.inject({ url: '/needs' });
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it("every answer carries helmet's headers, an error or a refused write too", async () => {
    const expected = {
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-dns-prefetch-control': 'off',
      'x-permitted-cross-domain-policies': 'none',
    };
    const answers = [
      await t.app.inject({ url: '/api/needs?page=1&pageSize=20', headers: { cookie } }),
      await t.app.inject({ url: '/api/needs/00000000-0000-4000-8000-000000000000', headers: { cookie } }),
      await t.app.inject({ method: 'POST', url: '/api/needs', headers: { cookie, 'sec-fetch-site': 'cross-site' }, payload: {} }),
      await t.app.inject({ url: '/healthz' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 403, 200]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject(expected);
      expect(String(answer.headers['content-security-policy'])).toContain("default-src 'self'");
    }
  });

  it('built assets go out as the precompressed copy the phone accepts, kept a year (hashed names); the rest is revalidated', async () => {
    const asset = (encoding: string) => t.app.inject({ url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': encoding } });
    const br = await asset('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toContain('lianxin lianxin');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    const gz = await asset('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(fs.readFileSync(path.join(web, 'assets', 'app-Ab12Cd34.js'), 'utf8'));
    expect((await asset('identity')).headers['content-encoding']).toBeUndefined();
    expect((await t.app.inject({ url: '/sw.js' })).headers['cache-control']).toBe('no-cache');
    expect((await t.app.inject({ url: '/h5/login' })).headers['cache-control']).toBe('no-cache');
  });

  it('HSTS is sent only when the site says it runs on HTTPS', async () => {
    expect((await t.app.inject({ url: '/healthz' })).headers['strict-transport-security']).toBeUndefined();
    expect(String((await secure.app.inject({ url: '/healthz' })).headers['strict-transport-security'])).toContain('max-age=31536000');
  });

  it('API answers about people are never stored by a cache', async () => {
    const res = await t.app.inject({ url: `/api/accounts/${t.fx.person.resident1!.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a write sent from another site is refused, whatever the cookie', async () => {
    const patch = (headers: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url: `/api/accounts/${t.fx.person.resident1!.id}`, headers: { cookie, host: 'lianxin.example', 'accept-language': 'en', ...headers }, payload: { skills: ['x'] } });
    const evil = await patch({ origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ code: 'request.cross_site', message: expect.stringContaining('another website') });
    expect((await patch({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await patch({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await patch({ origin: 'null' })).statusCode).toBe(403);
    // our own pages, and clients that are not browsers
    expect((await patch({ origin: 'https://lianxin.example', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await patch({ origin: 'https://lianxin.example' })).statusCode).toBe(200);
    expect((await patch({})).statusCode).toBe(200);
  });

  it('bodies must be JSON: a text/plain POST (what a cross-site form can send) is a 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: '{"phone":"13900000003","password":"Lianxin@2026"}' });
    expect(login.statusCode).toBe(415);
  });
});
