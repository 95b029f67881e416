import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict } from '../../test/demo-district.js';

/* The demo district on first start: partner units with their in-service party members (双报到). */
describe.each(backends)('partner units in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);
  const login = (phone: string) => demo.login(phone);

  it('every in-service party member naming a registered unit points at it; each unit has a contact and paired communities', async () => {
    const [facts] = await queryRows<{ units: number; unlinked: number; linked: number; no_contact: number; no_community: number }>(demo.database.db, sql`
      SELECT (SELECT count(*)::int FROM partner_units) AS units,
             (SELECT count(*)::int FROM volunteers v WHERE v.in_service AND v.work_unit_id IS NULL AND v.work_unit IN (SELECT u.name FROM units u JOIN partner_units p ON p.unit_id = u.id)) AS unlinked,
             (SELECT count(*)::int FROM volunteers WHERE work_unit_id IS NOT NULL) AS linked,
             (SELECT count(*)::int FROM partner_units p JOIN units u ON u.id = p.unit_id WHERE u.contact_account_id IS NULL) AS no_contact,
             (SELECT count(*)::int FROM partner_units p WHERE NOT EXISTS (SELECT 1 FROM partner_unit_communities c WHERE c.unit_id = p.unit_id)) AS no_community`);
    expect(facts).toMatchObject({ unlinked: 0, no_community: 0 });
    expect(facts!.units).toBe(16);
    expect(facts!.linked).toBeGreaterThan(10);
    // a unit none of the small demo's members names has no one to be its contact
    expect(facts!.no_contact).toBeLessThan(8);
    const list = (await demo.app.inject({ url: '/api/partner-units?pageSize=50', headers: { cookie: await login('13800000000') } })).json();
    expect(list.total).toBe(16);
    expect(list.counts.members).toBe(facts!.linked);
  });

  it('the fixed partner account (鑫源超市) sees its unit and its members’ hours this year', async () => {
    const cookie = await login('13800000007');
    const mine = (await demo.app.inject({ url: '/api/partner-units/mine', headers: { cookie } })).json() as { id: string; name: string }[];
    expect(mine.map((u) => u.name)).toEqual(['鑫源超市']);
    const page = (await demo.app.inject({ url: `/api/partner-units/${mine[0]!.id}`, headers: { cookie } })).json();
    expect(page).toMatchObject({ type: 'private', canManage: false, minimumHours: 10 });
    expect(page.members.length).toBeGreaterThan(0);
    expect(page.members.every((m: { hoursThisYear: number }) => m.hoursThisYear >= 0)).toBe(true);
  });
});
