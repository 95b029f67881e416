import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../platform/events/events.table.js';
import { scheduleActivity, signUp, signups, withdraw } from '../../test/activities-helpers.js';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

const HOUR = 3_600_000;

describe.each(backends)('activities: schedule, sign-up and waitlist on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let extra: string[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['communityAdmin1', 'communityAdmin2', 'volunteer1', 'volunteer2', 'teamLeader1', 'resident1', 'districtAdmin']) c[k] = await t.login(k);
    const more = await addVolunteers(t.database.db, t.fx.region.B1!, 3, '1372');
    extra = [];
    for (const v of more) extra.push(await t.loginPhone(v.phone));
  }, 60_000);
  afterAll(() => t.close());

  const get = (cookie: string, id: string) => t.app.inject({ url: `/api/activities/${id}`, headers: { cookie } });
  const inbox = async (cookie: string) => (await t.app.inject({ url: '/api/inbox?pageSize=50', headers: { cookie } })).json().items as { type: string; subject: { type: string; id: string } }[];
  const eventsOf = (type: string, activityId: string) =>
    t.database.db.select().from(domainEvents).where(and(eq(domainEvents.type, type), eq(domainEvents.subjectId, activityId)));

  it('a community schedules an activity; volunteers of that community see it, those of another do not; a draft only its organiser', async () => {
    const published = await scheduleActivity(t, c.communityAdmin1!);
    expect(published.first).toMatchObject({ status: 'published' });
    expect((await get(c.volunteer1!, published.first.id)).json()).toMatchObject({ status: 'published', canManage: false, me: null, organiser: { kind: 'community', name: '光明社区' } });
    expect((await get(c.volunteer2!, published.first.id)).statusCode).toBe(404);
    expect((await get(c.communityAdmin2!, published.first.id)).statusCode).toBe(404);
    const draft = await scheduleActivity(t, c.communityAdmin1!, { publish: false });
    expect((await get(c.volunteer1!, draft.first.id)).statusCode).toBe(404);
    expect((await get(c.communityAdmin1!, draft.first.id)).json()).toMatchObject({ status: 'draft', canManage: true });
    const list = (await t.app.inject({ url: `/api/activities?from=${encodeURIComponent(t.clock.now().toISOString())}`, headers: { cookie: c.volunteer1! } })).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(published.first.id);
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(draft.first.id);
  });

  it('a team’s leader schedules for their team; a resident may not schedule at all', async () => {
    const made = await scheduleActivity(t, c.teamLeader1!, { teamId: t.fx.team.T1!.id, regionId: undefined });
    expect((await get(c.teamLeader1!, made.first.id)).json()).toMatchObject({ canManage: true, organiser: { kind: 'team', name: '光明志愿服务队' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/activities', headers: { cookie: c.resident1! }, payload: { title: 'x', categoryCode: 'environment', place: 'x', startsAt: new Date(t.clock.now().getTime() + HOUR).toISOString(), endsAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString(), capacity: 3 } });
    expect(res.statusCode).toBe(403);
  });

  it('bad input names the field: an unknown category, an end before the start, a themed day away from the 15th or 28th', async () => {
    const bad = async (body: Record<string, unknown>) => {
      try {
        await scheduleActivity(t, c.communityAdmin1!, body);
        return null;
      } catch (err) {
        return JSON.parse(String((err as Error).message).replace(/^[^{]*/, '')) as { code: string; field: string; message: string };
      }
    };
    expect(await bad({ categoryCode: 'nope' })).toMatchObject({ code: 'activities.bad_category', field: 'categoryCode' });
    expect(await bad({ endsAt: new Date(t.clock.now().getTime()).toISOString() })).toMatchObject({ code: 'activities.bad_time', field: 'endsAt' });
    // 2026-03-08 is far from the 15th: the message suggests the 15th
    const themed = await bad({ themed: true, startsAt: '2099-03-08T01:00:00Z', endsAt: '2099-03-08T03:00:00Z' });
    expect(themed).toMatchObject({ code: 'activities.not_themed_date', field: 'startsAt' });
    expect(themed!.message).toContain('2099-03-15');
    expect(await bad({ themed: true, startsAt: '2099-03-15T01:00:00Z', endsAt: '2099-03-15T03:00:00Z' })).toBeNull();
    expect(await bad({ lat: 31.2 })).toMatchObject({ code: 'activities.location_incomplete', field: 'lng' });
  });

  it('a weekly series makes one activity per occurrence; editing it from one occurrence on changes only the later ones', async () => {
    const start = new Date(t.clock.now().getTime() + 24 * HOUR);
    const until = new Date(start.getTime() + 27 * 24 * HOUR).toISOString().slice(0, 10);
    const weekday = ((new Date(start.getTime() + 8 * HOUR).getUTCDay() + 6) % 7) + 1;
    const made = await scheduleActivity(t, c.communityAdmin1!, { recurrence: { kind: 'weekly', weekdays: [weekday], until } });
    expect(made.ids.length).toBeGreaterThanOrEqual(4);
    const third = made.ids[2]!;
    const moved = new Date(new Date((await get(c.communityAdmin1!, third)).json().startsAt).getTime() + HOUR);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/activities/${third}`, headers: { cookie: c.communityAdmin1! }, payload: { title: '改期后的清洁', capacity: 20, startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + 2 * HOUR).toISOString(), applyTo: 'future' } });
    expect(res.statusCode, res.body).toBe(200);
    const all = await Promise.all(made.ids.map(async (id) => (await get(c.communityAdmin1!, id)).json() as { title: string; capacity: number; seriesId: string }));
    expect(all.slice(0, 2).map((a) => a.title)).toEqual(['社区环境清洁', '社区环境清洁']);
    expect(all.slice(2).every((a) => a.title === '改期后的清洁' && a.capacity === 20)).toBe(true);
    expect(new Set(all.map((a) => a.seriesId)).size).toBe(1);
  });

  it('sign-up fills the seats, then the waitlist in order; one sign-up per person; a resident who is no volunteer may not', async () => {
    const { first } = await scheduleActivity(t, c.communityAdmin1!, { capacity: 2 });
    expect((await signUp(t, c.volunteer1!, first.id)).json()).toEqual({ status: 'signed', position: null });
    expect((await signUp(t, extra[0]!, first.id)).json()).toEqual({ status: 'signed', position: null });
    expect((await signUp(t, extra[1]!, first.id)).json()).toEqual({ status: 'waitlisted', position: 1 });
    expect((await signUp(t, extra[2]!, first.id)).json()).toEqual({ status: 'waitlisted', position: 2 });
    const again = await signUp(t, c.volunteer1!, first.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('activities.already_signed_up');
    expect((await signUp(t, c.resident1!, first.id)).json().code).toBe('activities.not_volunteer');
    expect((await get(c.volunteer1!, first.id)).json()).toMatchObject({ signedCount: 2, waitlistCount: 2, me: { status: 'signed' } });
    expect((await get(extra[2]!, first.id)).json().me).toMatchObject({ status: 'waitlisted', position: 2 });

    // the first waiting moves up when a seat is given back, and is told; the next one becomes first
    const out = await withdraw(t, c.volunteer1!, first.id);
    expect(out.json()).toEqual({ late: false, promoted: true });
    const list = await signups(t, c.communityAdmin1!, first.id);
    expect(list.filter((s) => s.status === 'signed')).toHaveLength(2);
    expect(list.filter((s) => s.status === 'waitlisted').map((s) => s.position)).toEqual([1]);
    expect((await inbox(extra[1]!)).some((m) => m.type === 'activities.promoted' && m.subject.id === first.id)).toBe(true);
    expect((await get(extra[2]!, first.id)).json().me).toMatchObject({ status: 'waitlisted', position: 1 });
    // signing up again after withdrawing goes to the end of the waitlist
    expect((await signUp(t, c.volunteer1!, first.id)).json()).toEqual({ status: 'waitlisted', position: 2 });
    // more seats: the waitlist moves up at once
    await t.app.inject({ method: 'PATCH', url: `/api/activities/${first.id}`, headers: { cookie: c.communityAdmin1! }, payload: { capacity: 4 } });
    expect((await get(c.volunteer1!, first.id)).json()).toMatchObject({ signedCount: 4, waitlistCount: 0, me: { status: 'signed' } });
    const less = await t.app.inject({ method: 'PATCH', url: `/api/activities/${first.id}`, headers: { cookie: c.communityAdmin1! }, payload: { capacity: 3 } });
    expect(less.json()).toMatchObject({ code: 'activities.capacity_below_signed', field: 'capacity' });
  });

  it('withdrawing less than 2 hours before the start is a late cancellation, published as a conduct fact', async () => {
    const { first } = await scheduleActivity(t, c.communityAdmin1!, {}, 1.5);
    await signUp(t, c.volunteer1!, first.id);
    expect((await withdraw(t, c.volunteer1!, first.id)).json()).toEqual({ late: true, promoted: false });
    const events = await eventsOf('activities.lateCancellation', first.id);
    expect(events.map((e) => e.payload)).toEqual([{ activityId: first.id, accountId: t.fx.person.volunteer1!.id }]);
    expect((await get(c.volunteer1!, first.id)).json()).toMatchObject({ signedCount: 0, me: { status: 'cancelled' } });
    // waiting people leaving is never late
    const { first: full } = await scheduleActivity(t, c.communityAdmin1!, { capacity: 1 }, 1.5);
    await signUp(t, extra[0]!, full.id);
    await signUp(t, c.volunteer1!, full.id);
    expect((await withdraw(t, c.volunteer1!, full.id)).json()).toEqual({ late: false, promoted: false });
  });

  it('cancelling an activity tells everyone signed up or waiting', async () => {
    const { first } = await scheduleActivity(t, c.communityAdmin1!, { capacity: 1 });
    await signUp(t, extra[0]!, first.id);
    await signUp(t, extra[1]!, first.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/activities/${first.id}/cancel`, headers: { cookie: c.communityAdmin1! }, payload: { reason: '天气原因' } });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '天气原因' });
    for (const who of [extra[0]!, extra[1]!]) expect((await inbox(who)).some((m) => m.type === 'activities.cancelled' && m.subject.id === first.id)).toBe(true);
    expect((await signUp(t, extra[2]!, first.id)).json().code).toBe('activities.not_open');
    // a volunteer cannot cancel it
    expect((await t.app.inject({ method: 'POST', url: `/api/activities/${first.id}/cancel`, headers: { cookie: c.volunteer1! }, payload: { reason: 'x' } })).statusCode).toBe(403);
  });

  it('a reminder reaches those signed up before the start; at the end it is finished and who never checked in is a no-show', async () => {
    const { first } = await scheduleActivity(t, c.communityAdmin1!, {}, 5);
    await signUp(t, c.volunteer2!, first.id).then((r) => expect(r.statusCode).toBe(404)); // 和平社区's volunteer cannot see it
    await signUp(t, extra[2]!, first.id);
    const base = t.clock.now().getTime();
    t.clock.advance(3.5 * HOUR);
    await t.app.services.jobs.runDue();
    expect((await inbox(extra[2]!)).filter((m) => m.type === 'activities.reminder' && m.subject.id === first.id)).toHaveLength(1);
    t.clock.set(new Date(base + 7.1 * HOUR));
    await t.app.services.jobs.runDue();
    expect((await get(c.communityAdmin1!, first.id)).json().status).toBe('finished');
    expect((await signups(t, c.communityAdmin1!, first.id))[0]).toMatchObject({ noShow: true });
    expect((await eventsOf('activities.noShow', first.id)).map((e) => e.payload)).toEqual([{ activityId: first.id, accountId: expect.any(String) }]);
    t.clock.set(new Date(base));
  });

  it('district settings: the district admin reads and changes them; others may not', async () => {
    expect((await t.app.inject({ url: '/api/activity-settings', headers: { cookie: c.districtAdmin! } })).json()).toEqual({ lateCancelHours: 2, reminderHours: 2, autoCheckoutHours: 2, dailyMaxHours: 8 });
    const saved = await t.app.inject({ method: 'PUT', url: '/api/activity-settings', headers: { cookie: c.districtAdmin! }, payload: { lateCancelHours: 3, reminderHours: 2, autoCheckoutHours: 2, dailyMaxHours: 8 } });
    expect(saved.json().lateCancelHours).toBe(3);
    expect((await t.app.inject({ url: '/api/activity-settings', headers: { cookie: c.communityAdmin1! } })).statusCode).toBe(403);
    await t.app.inject({ method: 'PUT', url: '/api/activity-settings', headers: { cookie: c.districtAdmin! }, payload: { lateCancelHours: 2, reminderHours: 2, autoCheckoutHours: 2, dailyMaxHours: 8 } });
  });
});
