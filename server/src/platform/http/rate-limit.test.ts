import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { WindowCounter } from './rate-limit.js';

describe('write rate limits', () => {
  it('counts per key in a window and tells how long to wait', () => {
    const c = new WindowCounter(2, 60_000);
    expect(c.hit('a', 0)).toBe(0);
    expect(c.hit('a', 1)).toBe(0);
    expect(c.hit('a', 2)).toBe(60);
    expect(c.hit('b', 2)).toBe(0);
    expect(c.hit('a', 60_001)).toBe(0);
  });

  describe('through the API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp('pglite', { writeLimitPerMinute: 3, loginLimitPerMinute: 6 });
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
      // reads are not limited
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
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
