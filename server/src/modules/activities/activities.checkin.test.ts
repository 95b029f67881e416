import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { domainEvents } from '../../platform/events/events.table.js';
import { codeOf, scan, scheduleActivity, signUp, signups } from '../../test/activities-helpers.js';
import { addVolunteers } from '../../test/fixtures.js';
import { needAssignments } from '../needs/assignments.table.js';
import { postNeed } from '../../test/needs-helpers.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

const HOUR = 3_600_000;
const SLOT = 30_000;
// the place: 光明社区广场, with a 200 m check-in radius
const place = { lat: 31.2, lng: 121.4 };

describe.each(backends)('QR check-in that cannot be faked, and the hours queue, on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let v: string[];
  let vIds: string[];
  let realNow: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('communityAdmin1');
    const made = await addVolunteers(t.database.db, t.fx.region.B1!, 4, '1373');
    vIds = made.map((m) => m.id);
    v = [];
    for (const m of made) v.push(await t.loginPhone(m.phone));
    realNow = Date.now();
  }, 60_000);
  afterAll(() => t.close());
  // each test starts at the beginning of a 30-second slot, two days after the last (no overlap between tests' activities)
  let day = 0;
  beforeEach(() => t.clock.set(new Date((Math.floor(realNow / SLOT) + 10) * SLOT + ++day * 2 * 86_400_000)));

  /** An activity starting in 30 minutes (check-in is open), with v[0] and v[1] signed up and v[2] waiting. */
  async function running(extra: Record<string, unknown> = {}) {
    const { first } = await scheduleActivity(t, admin, { capacity: 2, ...place, radiusM: 200, ...extra }, 0.5);
    for (const cookie of v.slice(0, 3)) expect((await signUp(t, cookie, first.id)).statusCode).toBe(200);
    return first;
  }

  it('the current code is accepted once; a second scan by the same person answers "already checked in"', async () => {
    const a = await running();
    const code = await codeOf(t, admin, a.id);
    const ok = await scan(t, v[0]!, { code, lat: 31.2005, lng: 121.4 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ purpose: 'in', noLocation: false });
    const again = await scan(t, v[0]!, { code, lat: 31.2005, lng: 121.4 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('activities.already_checked_in');
    // a fresh code does not make a second check-in either
    t.clock.advance(SLOT);
    expect((await scan(t, v[0]!, { code: await codeOf(t, admin, a.id), ...place })).json().code).toBe('activities.already_checked_in');
    // the waitlisted person cannot check in
    expect((await scan(t, v[2]!, { code: await codeOf(t, admin, a.id), ...place })).json().code).toBe('activities.not_signed_up');
    expect((await signups(t, admin, a.id)).find((s) => s.accountId === vIds[0])).toMatchObject({ checkedInAt: expect.any(String) });
  });

  it('a code older than its 30 s slot plus the grace is expired: a photo sent to a friend fails', async () => {
    // real time passes between requests (a loaded machine: seconds): start each code at a slot's beginning
    const toNextSlot = () => t.clock.set(new Date((Math.floor(t.clock.now().getTime() / SLOT) + 1) * SLOT));
    const a = await running();
    toNextSlot();
    const code = await codeOf(t, admin, a.id);
    t.clock.advance(SLOT + 2_000);
    // still within the grace just after the code changed
    expect((await scan(t, v[1]!, { code, ...place })).statusCode).toBe(200);
    const late = await running();
    toNextSlot();
    const old = await codeOf(t, admin, late.id);
    t.clock.advance(SLOT + 6_000);
    const res = await scan(t, v[1]!, { code: old, ...place }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'activities.code_expired', field: 'code' });
    expect(res.json().message).toMatch(/expired/);
  });

  it('a forged code is refused: another activity’s id, a changed signature, an edited slot, or junk', async () => {
    const a = await running();
    const other = await running();
    const code = await codeOf(t, admin, a.id);
    const parts = code.split('.');
    const edit = (i: number, value: string) => parts.map((p, j) => (j === i ? value : p)).join('.');
    // the signature's first character changed (always other bytes: its last ones may only pad, and a
    // signature already ending in the replacement would not be forged at all — a flake 1 run in 256)
    const signature = parts[4]!;
    const changed = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    for (const forged of [edit(1, other.id), edit(4, changed), edit(3, String(Number(parts[3]) - 1)), 'hello', `${code}x`]) {
      const res = await scan(t, v[0]!, { code: forged, ...place });
      expect(res.statusCode, forged).toBe(400);
      expect(res.json(), forged).toMatchObject({ code: 'activities.code_invalid', field: 'code' });
    }
    expect((await scan(t, v[0]!, { code, ...place })).statusCode).toBe(200);
  });

  it('a position outside the radius is refused; no position is accepted and flagged', async () => {
    const a = await running();
    const far = await scan(t, v[0]!, { code: await codeOf(t, admin, a.id), lat: 31.21, lng: 121.4 });
    expect(far.statusCode).toBe(400);
    expect(far.json()).toMatchObject({ code: 'activities.too_far', field: 'lat' });
    expect(far.json().message).toContain('200');
    const none = await scan(t, v[0]!, { code: await codeOf(t, admin, a.id) });
    expect(none.json()).toMatchObject({ purpose: 'in', noLocation: true });
  });

  it('only the organiser gets the code; check-out uses its own code', async () => {
    const a = await running();
    expect((await t.app.inject({ url: `/api/activities/${a.id}/code`, headers: { cookie: v[0]! } })).statusCode).toBe(403);
    const inCode = await codeOf(t, admin, a.id, 'in');
    expect((await scan(t, v[0]!, { code: await codeOf(t, admin, a.id, 'out'), ...place })).json().code).toBe('activities.not_checked_in');
    await scan(t, v[0]!, { code: inCode, ...place });
    expect((await scan(t, v[0]!, { code: await codeOf(t, admin, a.id, 'out'), ...place })).json()).toMatchObject({ purpose: 'out' });
  });

  const hoursOf = async (id: string) => (await t.app.inject({ url: `/api/activities/${id}/hours`, headers: { cookie: admin } })).json().items as { accountId: string; hours: string; status: string; flags: string[] }[];
  const decide = (id: string, items: object[]) => t.app.inject({ method: 'POST', url: `/api/activities/${id}/hours`, headers: { cookie: admin }, payload: { items } });
  const approvals = (id: string) => t.database.db.select().from(domainEvents).where(and(eq(domainEvents.type, 'activities.hoursApproved'), eq(domainEvents.subjectId, id)));

  it('hours: check-out minus check-in; approval publishes activities.hoursApproved exactly once; adjust and decline need a reason', async () => {
    const a = await running();
    t.clock.advance(HOUR); // 30 minutes after the start
    for (const cookie of [v[0]!, v[1]!]) await scan(t, cookie, { code: await codeOf(t, admin, a.id), ...place });
    t.clock.advance(1.5 * HOUR);
    for (const cookie of [v[0]!, v[1]!]) await scan(t, cookie, { code: await codeOf(t, admin, a.id, 'out'), ...place });
    const queue = await hoursOf(a.id);
    expect(queue.map((h) => [h.hours, h.status])).toEqual([
      ['1.50', 'pending'],
      ['1.50', 'pending'],
    ]);
    const queue1 = (await t.app.inject({ url: '/api/activities?hoursPending=true&pageSize=200', headers: { cookie: admin } })).json().items as { id: string; pendingHours: number }[];
    expect(queue1.find((x) => x.id === a.id)?.pendingHours).toBe(2);
    expect((await t.app.inject({ url: `/api/activities/${a.id}`, headers: { cookie: v[0]! } })).json().pendingHours).toBe(0);
    expect((await decide(a.id, [{ accountId: vIds[1], decision: 'adjust', reason: '提前离开' }])).json()).toMatchObject({ code: 'activities.bad_decision', field: 'items.0.hours' });
    expect((await decide(a.id, [{ accountId: vIds[1], decision: 'decline' }])).json()).toMatchObject({ code: 'activities.bad_decision', field: 'items.0.reason' });
    expect((await decide(a.id, [{ accountId: vIds[0], decision: 'approve' }, { accountId: vIds[1], decision: 'adjust', hours: 1.25, reason: '提前离开' }])).json()).toEqual({ decided: 2, skipped: 0 });
    // approving again changes nothing and publishes nothing more
    expect((await decide(a.id, [{ accountId: vIds[0], decision: 'approve' }, { accountId: vIds[1], decision: 'decline', reason: 'x' }])).json()).toEqual({ decided: 0, skipped: 2 });
    const events = (await approvals(a.id)).map((e) => e.payload as { accountId: string; hours: string; servedOn: string; title: string; activityId: string });
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.accountId === vIds[0])).toMatchObject({ activityId: a.id, hours: '1.50', title: '社区环境清洁', servedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(events.find((e) => e.accountId === vIds[1])).toMatchObject({ hours: '1.25' });
    expect((await hoursOf(a.id)).map((h) => h.status)).toEqual(['approved', 'approved']);
    const queue2 = (await t.app.inject({ url: '/api/activities?hoursPending=true&pageSize=200', headers: { cookie: admin } })).json().items as { id: string }[];
    expect(queue2.map((x) => x.id)).not.toContain(a.id);
  });

  it('roll call checks people in; whoever is still checked in after the end plus 2 h is checked out by the system and flagged', async () => {
    const a = await running({ lat: null, lng: null, radiusM: null });
    t.clock.advance(HOUR);
    const rc = await t.app.inject({ method: 'POST', url: `/api/activities/${a.id}/roll-call`, headers: { cookie: admin }, payload: { items: [{ accountId: vIds[0], present: true }, { accountId: vIds[1], present: false }] } });
    expect(rc.statusCode, rc.body).toBe(200);
    const byId = new Map((rc.json().items as { accountId: string; checkedInAt: string | null; absent: boolean }[]).map((s) => [s.accountId, s]));
    expect(byId.get(vIds[0]!)).toMatchObject({ checkedInAt: expect.any(String), absent: false });
    expect(byId.get(vIds[1]!)).toMatchObject({ checkedInAt: null, absent: true });
    t.clock.advance(4 * HOUR);
    await t.app.services.jobs.runDue();
    const list = await signups(t, admin, a.id);
    expect(list.find((s) => s.accountId === vIds[0])).toMatchObject({ checkOutVia: 'auto', checkedOutAt: expect.any(String) });
    expect(list.find((s) => s.accountId === vIds[1])).toMatchObject({ noShow: true });
    const [h] = await hoursOf(a.id);
    // checked in 30 minutes after the start: capped by the 2-hour activity
    expect(h).toMatchObject({ accountId: vIds[0], hours: '2.00', flags: ['autoCheckout'] });
  });

  it('the organiser sees hours overlapping another activity, and over the daily maximum, flagged', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/activity-settings', headers: { cookie: await t.login('districtAdmin') }, payload: { lateCancelHours: 2, reminderHours: 2, autoCheckoutHours: 2, dailyMaxHours: 1 } });
    const a = await running();
    const b = await running();
    t.clock.advance(HOUR);
    for (const id of [a.id, b.id]) await scan(t, v[3]!, { code: await codeOf(t, admin, id), ...place }).then((r) => expect(r.json().code).toBe('activities.not_signed_up'));
    for (const id of [a.id, b.id]) await scan(t, v[0]!, { code: await codeOf(t, admin, id), ...place });
    t.clock.advance(HOUR);
    for (const id of [a.id, b.id]) await scan(t, v[0]!, { code: await codeOf(t, admin, id, 'out'), ...place });
    const [h] = await hoursOf(a.id);
    expect(h!.flags.sort()).toEqual(['overDailyMax', 'overlap']);
    await t.app.inject({ method: 'PUT', url: '/api/activity-settings', headers: { cookie: await t.login('districtAdmin') }, payload: { lateCancelHours: 2, reminderHours: 2, autoCheckoutHours: 2, dailyMaxHours: 8 } });
  });

  it('hours claimed while the same volunteer was on site for an order are flagged to the organiser', async () => {
    const a = await running();
    t.clock.advance(HOUR);
    await scan(t, v[1]!, { code: await codeOf(t, admin, a.id), ...place });
    await scan(t, v[0]!, { code: await codeOf(t, admin, a.id), ...place });
    // v[0] checked in at an order's door half an hour into the activity, out an hour later
    const need = await postNeed(t, await t.login('resident1'), { title: `活动期间的订单${day}` });
    const now = t.clock.now().getTime();
    await t.database.db.insert(needAssignments).values({ districtId: t.fx.region.D!.districtId, needId: need.id, round: 1, slotNo: 1, volunteerId: vIds[0]!, via: 'assign', assignedBy: vIds[0]!, status: 'done', checkInAt: new Date(now + HOUR / 2), checkOutAt: new Date(now + 1.5 * HOUR) });
    t.clock.advance(HOUR);
    for (const cookie of [v[0]!, v[1]!]) await scan(t, cookie, { code: await codeOf(t, admin, a.id, 'out'), ...place });
    const hours = await hoursOf(a.id);
    expect(hours.find((h) => h.accountId === vIds[0])!.flags).toContain('overlapOrder');
    expect(hours.find((h) => h.accountId === vIds[1])!.flags).not.toContain('overlapOrder');
  });
});
