import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../../test/demo-district.js';
import { isThemedDate, localDate } from './activities.policy.js';

const phoneOf = demoPhoneOf;

/* The demo district on first start: a year of activities in every community, with sign-ups, check-ins and hours. */
describe.each(backends)('activities in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);
  const login = (phone: string) => demo.login(phone);

  it('every community has a year of Saturday routines and themed days on the 15th and 28th, finished behind and open ahead', async () => {
    const rows = await queryRows<{ region_id: string; starts_at: Date; themed: boolean; status: string; signed_count: number; signed: number }>(
      demo.database.db,
      sql`SELECT a.region_id, a.starts_at, a.themed, a.status, a.signed_count,
                 (SELECT count(*)::int FROM activity_signups s WHERE s.district_id = a.district_id AND s.activity_id = a.id AND s.status = 'signed') AS signed
          FROM activities a`,
    );
    const communities = new Set(rows.map((r) => r.region_id));
    expect(communities.size).toBe(4);
    for (const c of communities) {
      const mine = rows.filter((r) => r.region_id === c);
      expect(mine.filter((r) => !r.themed).length).toBeGreaterThanOrEqual(56);
      expect(mine.filter((r) => r.themed).length).toBeGreaterThanOrEqual(24);
      expect(mine.some((r) => r.status === 'published')).toBe(true);
    }
    expect(rows.filter((r) => r.themed).every((r) => isThemedDate(localDate(new Date(r.starts_at))))).toBe(true);
    expect(rows.every((r) => r.signed_count === r.signed && r.signed_count >= 0)).toBe(true);
    expect(rows.filter((r) => new Date(r.starts_at).getTime() > Date.now()).every((r) => r.status === 'published')).toBe(true);
  });

  it('past activities carry check-ins and approved hours; the last fortnight’s wait for the organiser', async () => {
    const [counts] = await queryRows<{ approved: number; pending: number; no_show: number }>(
      demo.database.db,
      sql`SELECT count(*) FILTER (WHERE hours_status = 'approved')::int AS approved, count(*) FILTER (WHERE hours_status = 'pending')::int AS pending, count(*) FILTER (WHERE no_show)::int AS no_show FROM activity_signups`,
    );
    expect(counts!.approved).toBeGreaterThan(1000);
    expect(counts!.pending).toBeGreaterThan(0);
    expect(counts!.no_show).toBeGreaterThan(0);
  });

  it('the demo volunteer finds upcoming activities near them, and the community admin a finished one’s hours queue', async () => {
    const volunteer = await login(phoneOf('volunteer'));
    const near = await demo.app.inject({ url: `/api/activities?status=published&from=${encodeURIComponent(new Date().toISOString())}`, headers: { cookie: volunteer } });
    expect(near.json().total).toBeGreaterThan(0);
    const admin = await login(phoneOf('communityAdmin'));
    const finished = (await demo.app.inject({ url: '/api/activities?status=finished&pageSize=1', headers: { cookie: admin } })).json().items[0] as { id: string; canManage: boolean };
    expect(finished.canManage).toBe(true);
    const hours = await demo.app.inject({ url: `/api/activities/${finished.id}/hours`, headers: { cookie: admin } });
    expect(hours.statusCode).toBe(200);
    expect(hours.json().items.length).toBeGreaterThan(0);
  });
});
