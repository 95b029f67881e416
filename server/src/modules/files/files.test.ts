import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { multipartBody, PNG, uploadPhoto } from '../../test/needs-helpers.js';
import { sniffImage } from './files.sniff.js';

describe('photo uploads', () => {
  let t: TestApp;
  let volunteer: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    volunteer = await t.login('volunteer1');
  });
  afterAll(() => t.close());

  it('recognises images by their bytes, not their names', () => {
    expect(sniffImage(PNG)?.mime).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.mime).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('GIF89a....'))?.mime).toBe('image/gif');
    expect(sniffImage(Buffer.from('<svg onload="alert(1)"></svg>'))).toBeNull();
    expect(sniffImage(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
  });

  it('stores an image and serves it with the sniffed type, whatever the client claimed', async () => {
    const up = await uploadPhoto(t, volunteer, PNG, 'text/html');
    expect(up.statusCode).toBe(201);
    const res = await t.app.inject({ url: up.json().url, headers: { cookie: volunteer } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // the file's own policy, not the pages' one: nothing in it may run or load
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a file that is not an image, with a localised message naming the field', async () => {
    const { payload, headers } = multipartBody(Buffer.from('<script>alert(1)</script>'), 'x.png', 'image/png');
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...headers, cookie: volunteer, 'accept-language': 'en' }, payload });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'files.not_an_image', field: 'file', message: expect.stringContaining('Only images') });
  });

  it('refuses an oversize file and an empty request', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(8 * 1024 * 1024 + 10)]);
    const { payload, headers } = multipartBody(big, 'big.png', 'image/png');
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...headers, cookie: volunteer }, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('files.too_large');
    const none = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: volunteer, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
    expect(none.statusCode).toBeGreaterThanOrEqual(400);
    expect(none.statusCode).toBeLessThan(500);
  });

  it('needs a login, and another district cannot read the file', async () => {
    const up = (await uploadPhoto(t, volunteer)).json();
    expect((await t.app.inject({ url: up.url })).statusCode).toBe(401);
    const outsider = await t.login('otherDistrictAdmin');
    expect((await t.app.inject({ url: up.url, headers: { cookie: outsider } })).statusCode).toBe(404);
  });
});
