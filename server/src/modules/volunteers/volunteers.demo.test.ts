import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../../test/demo-district.js';

const phoneOf = demoPhoneOf;

/* The demo district on first start: a registry of numbered volunteers with their record, applications waiting. */
describe.each(backends)('volunteer registry in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);
  const login = (phone: string) => demo.login(phone);

  it('every holder of the volunteer role is an active registered volunteer, numbered without gaps, hours equal to the record', async () => {
    const [facts] = await queryRows<{ role_without_row: number; active_without_role: number; numbers: number; max_number: number; off_totals: number; entries: number; party_marker_left: number; in_service: number }>(demo.database.db, sql`
      SELECT (SELECT count(*)::int FROM accounts a WHERE 'volunteer' = ANY(a.roles) AND NOT EXISTS (SELECT 1 FROM volunteers v WHERE v.district_id = a.district_id AND v.account_id = a.id AND v.status = 'active')) AS role_without_row,
             (SELECT count(*)::int FROM volunteers v JOIN accounts a ON a.district_id = v.district_id AND a.id = v.account_id WHERE v.status = 'active' AND NOT 'volunteer' = ANY(a.roles)) AS active_without_role,
             (SELECT count(DISTINCT number)::int FROM volunteers WHERE number IS NOT NULL) AS numbers,
             (SELECT max(substr(number, 3)::int) FROM volunteers) AS max_number,
             (SELECT count(*)::int FROM volunteers v WHERE v.verified_hours <> coalesce((SELECT sum(hours) FROM volunteer_service_entries e WHERE e.district_id = v.district_id AND e.account_id = v.account_id), 0)) AS off_totals,
             (SELECT count(*)::int FROM volunteer_service_entries) AS entries,
             (SELECT count(*)::int FROM accounts WHERE '在职党员' = ANY(skills)) AS party_marker_left,
             (SELECT count(*)::int FROM volunteers WHERE in_service AND work_unit IS NOT NULL AND political_status = 'party') AS in_service`);
    expect(facts).toMatchObject({ role_without_row: 0, active_without_role: 0, off_totals: 0, party_marker_left: 0 });
    expect(facts!.numbers).toBe(facts!.max_number);
    expect(facts!.entries).toBeGreaterThan(100);
    expect(facts!.in_service).toBeGreaterThan(10);
  });

  it('the community admin sees applications waiting and a suspended volunteer with the reason', async () => {
    const cookie = await login(phoneOf('communityAdmin'));
    const applied = (await demo.app.inject({ url: '/api/volunteers?status=applied', headers: { cookie } })).json();
    expect(applied.total).toBeGreaterThanOrEqual(3);
    const suspended = (await demo.app.inject({ url: '/api/volunteers?status=suspended', headers: { cookie } })).json();
    expect(suspended.total).toBe(2);
    const one = (await demo.app.inject({ url: `/api/volunteers/${suspended.items[0].id}`, headers: { cookie } })).json();
    expect(one.statusReason).toContain('暂停服务');
    const fixedVolunteer = await login(phoneOf('volunteer'));
    const mine = (await demo.app.inject({ url: '/api/volunteers/me', headers: { cookie: fixedVolunteer } })).json();
    expect(mine.card.number).toMatch(/^LX\d{6}$/);
  });
});
