import { describe, expect, it } from 'vitest';
import { backends } from '../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../test/demo-district.js';

/*
 * The deadline watch has something to show whenever the demo is seeded. Seeded on Saturday 5 December
 * 2026 at 08:33 in Shanghai, the random orders of the small district had left nothing overdue (2310's
 * general window is two days, and the week's orders were younger): the community admin's overdue
 * filter (and the supervision e2e spec) came up empty. The showcase now holds two orders past their deadline.
 */
describe.each(backends)('the demo seeded on a Saturday morning, on %s', (backend) => {
  const demo = demoDistrict(backend, { at: '2026-12-05T00:33:00Z' });

  it('shows the community admin (王秀梅) overdue items in her community', async () => {
    const cookie = await demo.login(demoPhoneOf('communityAdmin'));
    const res = await demo.app.inject({ url: '/api/needs?view=all&due=overdue&page=1&pageSize=20', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: { overdue: boolean }[] };
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.items.every((n) => n.overdue)).toBe(true);
  });
});
