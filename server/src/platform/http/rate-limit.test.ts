import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { memoryRateStore } from './rate-limit.js';

describe('rate limits', () => {
  it('count per bucket in a one-minute window', async () => {
    const store = memoryRateStore();
    expect(await store.hit(['a', 'b'], 0)).toEqual([1, 1]);
    expect(await store.hit(['a'], 1)).toEqual([2]);
    expect(await store.hit(['a'], 59_999)).toEqual([3]);
    expect(await store.hit(['a'], 60_000)).toEqual([1]);
  });

  describe('through the API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp('pglite', { writeLimitPerMinute: 3, loginLimitPerMinute: 6, heavyReadLimitPerMinute: 2 });
    });
    afterAll(() => t.close());

    it('answers 429 with a localised message once a user writes too often', async () => {
      const cookie = await t.login('communityAdmin1');
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await t.app.inject({
          method: 'PATCH',
          url: `/api/accounts/${t.fx.person.resident1!.id}`,
          headers: { cookie, 'accept-language': 'en' },
          payload: { skills: [`s${i}`] },
        });
        codes.push(last.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(last!.json()).toMatchObject({ code: 'rate.limited', message: expect.stringMatching(/try again in \d+ s/) });
      // ordinary reads are not limited
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    });

    it('limits heavy reads (exports) per user', async () => {
      const cookie = await t.login('districtAdmin');
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await t.app.inject({ url: '/api/needs/export', headers: { cookie } })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      // another user still may
      expect((await t.app.inject({ url: '/api/needs/export', headers: { cookie: await t.login('communityAdmin2') } })).statusCode).toBe(200);
    });

    it('limits login attempts per IP', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { phone: `1370000000${i}`, password: 'Nope#12345' } });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 6).every((c) => c === 401)).toBe(true);
      expect(codes.slice(6)).toEqual([429, 429]);
    });
  });
});
