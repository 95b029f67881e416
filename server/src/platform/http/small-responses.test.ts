import zlib from 'node:zlib';
import Fastify from 'fastify';
import compress from '@fastify/compress';
import { describe, expect, it } from 'vitest';
import { pickEncoding, smallResponsesPlugin } from './small-responses.js';

/** The hook alone (so what comes out compressed is its work), or with the streaming plugin as app.ts has it. */
async function appWith(streaming: boolean) {
  const app = Fastify();
  await app.register(smallResponsesPlugin, { threshold: 1024, maxBytes: 64 * 1024 });
  if (streaming) await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  const rows = (n: number) => ({ items: Array.from({ length: n }, (_, i) => ({ i, title: `上门理发 ${i}`, place: '幸福街道 › 阳光社区 › 第三网格' })) });
  app.get('/rows/:n', async (req) => rows(Number((req.params as { n: string }).n)));
  app.get('/text', async (_req, reply) => reply.type('text/csv; charset=utf-8').send('a,b\n'.repeat(1000)));
  app.get('/png', async (_req, reply) => reply.type('image/png').send(Buffer.alloc(4096, 1)));
  return { app, rows };
}

describe('small responses are compressed in one call', () => {
  it('answers brotli or gzip as the client accepts, with the same body, and leaves small or refused ones alone', async () => {
    const { app, rows } = await appWith(false);
    const br = await app.inject({ url: '/rows/60', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(rows(60));

    const gz = await app.inject({ url: '/rows/60', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(rows(60));

    const refused = await app.inject({ url: '/rows/60', headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json()).toEqual(rows(60));

    const small = await app.inject({ url: '/rows/1', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual(rows(1));

    const text = await app.inject({ url: '/text', headers: { 'accept-encoding': 'br' } });
    expect(text.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(text.rawPayload).toString()).toBe('a,b\n'.repeat(1000));

    const png = await app.inject({ url: '/png', headers: { 'accept-encoding': 'br' } });
    expect(png.headers['content-encoding']).toBeUndefined();
    await app.close();
  });

  it('leaves a body above the limit to the streaming plugin, which still compresses it', async () => {
    const alone = await appWith(false);
    const untouched = await alone.app.inject({ url: '/rows/3000', headers: { 'accept-encoding': 'br' } });
    expect(untouched.headers['content-encoding']).toBeUndefined();
    await alone.app.close();
    const { app, rows } = await appWith(true);
    const big = await app.inject({ url: '/rows/3000', headers: { 'accept-encoding': 'br' } });
    expect(big.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(big.rawPayload).toString())).toEqual(rows(3000));
    await app.close();
  });

  it('picks the encoding like the plugin', () => {
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('gzip, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('deflate')).toBeNull();
  });
});
