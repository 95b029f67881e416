import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress, literalAddress } from './addresses.js';
import { postJson } from './post.js';

describe('which addresses an outside call may reach', () => {
  it('refuses loopback, private, link-local, shared and reserved ranges, in IPv4 and IPv6', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:a00:1', '64:ff9b::a00:1']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('lets public addresses through', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '101.6.6.6', '2400:3200::1', '::ffff:8.8.8.8']) expect(isPublicAddress(a), a).toBe(true);
  });

  it('reads an IP host out of a URL, brackets and all; a name is not one', () => {
    expect(literalAddress(new URL('http://[::1]:8080/x').hostname)).toBe('::1');
    // the URL parser turns the decimal and hex spellings of an address into the dotted one
    expect(literalAddress(new URL('http://2130706433/').hostname)).toBe('127.0.0.1');
    expect(literalAddress(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(literalAddress('example.com')).toBeUndefined();
  });
});

describe('posting to an outside URL', () => {
  let server: http.Server;
  let base: string;
  const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        if (req.url === '/slow') return void setTimeout(() => res.end('late'), 1_000);
        res.statusCode = req.url === '/broken' ? 500 : req.url === '/moved' ? 302 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const post = (path: string, publicOnly = false, timeoutMs = 5_000) => postJson({ url: `${base}${path}`, body: '{"a":1}', headers: { 'Content-Type': 'application/json', 'X-Test': 'yes' }, timeoutMs, publicOnly });

  it('a 2xx is a success; the body and headers arrive as sent', async () => {
    const result = await post('/ok');
    expect(result).toMatchObject({ ok: true, status: 204, error: null });
    expect(seen.at(-1)).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json', 'x-test': 'yes' } });
  });

  it('any other status, a redirect included, is a failure with the status named', async () => {
    expect(await post('/broken')).toMatchObject({ ok: false, status: 500, error: 'HTTP 500' });
    expect(await post('/moved')).toMatchObject({ ok: false, status: 302, error: 'HTTP 302' });
  });

  it('a receiver that does not answer in time fails with the time it had', async () => {
    expect(await post('/slow', false, 200)).toMatchObject({ ok: false, status: null, error: 'no answer within 200 ms' });
  });

  it('a closed port fails without throwing', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const result = await postJson({ url: `http://127.0.0.1:${port}/`, body: '{}', headers: {}, timeoutMs: 2_000, publicOnly: false });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED/);
  });

  it('with publicOnly, a private address is refused before any connection, and so is a name that resolves to one', async () => {
    const before = seen.length;
    expect(await post('/ok', true)).toMatchObject({ ok: false, status: null, error: 'address not allowed: 127.0.0.1' });
    const port = new URL(base).port;
    const byName = await postJson({ url: `http://localhost:${port}/ok`, body: '{}', headers: {}, timeoutMs: 2_000, publicOnly: true });
    expect(byName).toMatchObject({ ok: false, status: null });
    expect(byName.error).toMatch(/^address not allowed: (127\.0\.0\.1|::1)$/);
    expect(seen.length).toBe(before);
  });
});
