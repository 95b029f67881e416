import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../../test/demo-district.js';

const phoneOf = demoPhoneOf;

/* The demo district on first start: posts in every community, claimed by fitting volunteers, some full. */
describe.each(backends)('posts in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);
  const login = (phone: string) => demo.login(phone);

  it('every community has posts with quotas of 2–20; counters equal the claim rows; some are full; in-service party members hold many places', async () => {
    const counts = (await demo.app.inject({ url: '/api/posts/counts', headers: { cookie: await login(phoneOf('districtAdmin')) } })).json() as { communityId: string; posts: number; quota: number; claimed: number; inServiceClaims: number }[];
    const [communities] = await queryRows<{ n: number }>(demo.database.db, sql`SELECT count(*)::int AS n FROM regions WHERE type = 'community'`);
    expect(counts).toHaveLength(communities!.n);
    expect(counts.every((c) => c.posts > 0)).toBe(true);
    expect(counts.reduce((s, c) => s + c.inServiceClaims, 0)).toBeGreaterThan(0);
    const [facts] = await queryRows<{ bad_quota: number; drift: number; full: number; unfit: number; types: number }>(demo.database.db, sql`
      SELECT count(*) FILTER (WHERE quota NOT BETWEEN 2 AND 20)::int AS bad_quota,
             count(*) FILTER (WHERE claimed <> (SELECT count(*) FROM post_claims c WHERE c.district_id = p.district_id AND c.post_id = p.id))::int AS drift,
             count(*) FILTER (WHERE claimed = quota)::int AS full,
             (SELECT count(*)::int FROM post_claims c JOIN posts q ON q.id = c.post_id JOIN accounts a ON a.id = c.volunteer_id WHERE NOT (q.skills <@ a.skills)) AS unfit,
             count(DISTINCT type_id)::int AS types
      FROM posts p`);
    expect(facts).toMatchObject({ bad_quota: 0, drift: 0, unfit: 0 });
    expect(facts!.full).toBeGreaterThan(0);
    expect(facts!.types).toBeGreaterThan(3);
  });

  it('the demo volunteer finds posts of their community first, marked by fit, and claims one', async () => {
    const cookie = await login(phoneOf('volunteer'));
    const near = (await demo.app.inject({ url: '/api/posts/near?pageSize=100', headers: { cookie } })).json() as { items: { id: string; nearness: string; fits: boolean; free: number; mine: boolean }[] };
    expect(near.items[0]!.nearness).toBe('community');
    expect(near.items.some((p) => p.fits)).toBe(true);
    const target = near.items.find((p) => p.fits && p.free > 0 && !p.mine)!;
    const res = await demo.app.inject({ method: 'POST', url: `/api/posts/${target.id}/claim`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
  });
});
