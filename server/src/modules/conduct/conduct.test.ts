import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { uploadPhoto } from '../../test/needs-helpers.js';

type Entry = { id: string; code: string | null; title: string; points: number; suspends: boolean; suspendDays: number | null; active: boolean };
type Incident = { id: string; accountId: string; status: string; points: number; suspension: string; suspendUntil: string | null; canAppeal: boolean; canDecide: boolean; photos: string[]; appeal: { statement: string } | null; outcome: string | null };

describe.each(backends)('conduct on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let entries: Entry[];
  let phoneSeq = 0;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'streetAdmin1', 'streetAdmin2', 'communityAdmin1', 'communityAdmin2', 'gridWorker1', 'volunteer1']) c[k] = await t.login(k);
    entries = (await get('districtAdmin', '/api/conduct/entries')).json() as Entry[];
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who] ?? who } });
  const send = (method: 'POST' | 'PUT', who: string, url: string, payload: object = {}) => t.app.inject({ method, url, headers: { cookie: c[who] ?? who }, payload });
  const post = (who: string, url: string, payload: object = {}) => send('POST', who, url, payload);
  const entry = (code: string) => entries.find((e) => e.code === code)!;
  /** A fresh active volunteer of building B1 (光明社区), logged in. */
  const newVolunteer = async () => {
    const [v] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, `1371${String(++phoneSeq).padStart(3, '0')}`);
    return { id: v!.id, cookie: await t.loginPhone(v!.phone) };
  };
  const record = (who: string, body: Record<string, unknown>) => post(who, '/api/conduct/incidents', { what: '接单后未到岗，也未请假。', occurredAt: t.clock.now().toISOString(), ...body });
  const status = async (cookie: string) => ((await t.app.inject({ url: '/api/volunteers/me', headers: { cookie } })).json() as { volunteer: { status: string } }).volunteer.status;

  it('every district starts with the 20 entries of the negative list', () => {
    expect(entries).toHaveLength(20);
    expect(entries.map((e) => e.title)).toContain('服务中索要钱物或收受礼品');
    expect(entry('askingMoney')).toMatchObject({ suspends: true, suspendDays: 90 });
  });

  it('the district admin adds, edits and deactivates entries; others may not', async () => {
    const made = await post('districtAdmin', '/api/conduct/entries', { title: '着装不规范', titleEn: 'Improper dress', points: 1, suspends: false });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    expect((await post('districtAdmin', '/api/conduct/entries', { title: '着装不规范', titleEn: 'Again', points: 1, suspends: false })).json()).toMatchObject({ code: 'conduct.entry_title_taken', field: 'title' });
    expect((await post('communityAdmin1', '/api/conduct/entries', { title: '别的', titleEn: 'Other', points: 1, suspends: false })).statusCode).toBe(403);
    const off = await send('PUT', 'districtAdmin', `/api/conduct/entries/${id}`, { title: '着装不规范', titleEn: 'Improper dress', points: 2, suspends: true, suspendDays: 7, active: false });
    expect(off.json()).toMatchObject({ points: 2, suspends: true, suspendDays: 7, active: false });
    expect(((await get('districtAdmin', '/api/conduct/entries')).json() as Entry[]).some((e) => e.id === id)).toBe(false);
    expect(((await get('districtAdmin', '/api/conduct/entries?includeInactive=true')).json() as Entry[]).some((e) => e.id === id)).toBe(true);
    // a deactivated entry cannot be used for a new incident
    const v = await newVolunteer();
    expect((await record('communityAdmin1', { accountId: v.id, entryId: id })).json()).toMatchObject({ code: 'conduct.entry_inactive', field: 'entryId' });
  });

  it('staff record only against volunteers in their scope: outside is a 404; a grid worker may not record', async () => {
    const v = await newVolunteer();
    const body = { accountId: v.id, entryId: entry('lateOrEarly').id };
    expect((await record('communityAdmin2', body)).statusCode).toBe(404);
    expect((await record('streetAdmin2', body)).statusCode).toBe(404);
    expect((await record('gridWorker1', body)).statusCode).toBe(403);
    const res = await record('communityAdmin1', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'recorded', points: 2, suspension: 'none', canAppeal: false });
    // and reading it is scoped the same way
    const id = res.json().id as string;
    expect((await get('communityAdmin2', `/api/conduct/incidents/${id}`)).statusCode).toBe(404);
    expect((await get('volunteer1', `/api/conduct/incidents/${id}`)).statusCode).toBe(404);
    expect((await get(v.cookie, `/api/conduct/incidents/${id}`)).json()).toMatchObject({ id, canAppeal: true });
    expect(((await get('communityAdmin2', '/api/conduct/incidents?pageSize=200')).json().items as Incident[]).some((i) => i.id === id)).toBe(false);
    expect(((await get('streetAdmin1', `/api/conduct/incidents?communityId=${t.fx.region.C1!.id}&pageSize=200`)).json().items as Incident[]).some((i) => i.id === id)).toBe(true);
  });

  it('bad input names the field and writes nothing', async () => {
    const v = await newVolunteer();
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [{ accountId: v.id, entryId: entry('rudeness').id, occurredAt: tomorrow }, 'occurredAt'],
      [{ accountId: v.id, entryId: entry('rudeness').id, points: 101 }, 'points'],
      [{ accountId: v.id, entryId: entry('rudeness').id, suspend: false, suspendUntil: '2099-01-01' }, 'suspendUntil'],
      [{ accountId: v.id, entryId: entry('rudeness').id, suspend: true, suspendUntil: '2000-01-01' }, 'suspendUntil'],
      [{ accountId: v.id, entryId: entry('rudeness').id, what: ' ' }, 'what'],
      [{ accountId: v.id, entryId: entry('rudeness').id, photos: [crypto.randomUUID()] }, 'photos'],
      [{ accountId: v.id, entryId: crypto.randomUUID() }, 'entryId'],
    ];
    for (const [body, field] of cases) {
      const res = await record('communityAdmin1', body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().field, res.body).toBe(field);
    }
    expect((await get('communityAdmin1', `/api/conduct/incidents?accountId=${v.id}`)).json().total).toBe(0);
    expect(await status(v.cookie)).toBe('active');
  });

  it('a suspension revokes the volunteer role at once, tells the volunteer, publishes the deduction', async () => {
    const v = await newVolunteer();
    expect((await get(v.cookie, '/api/needs?view=pool')).statusCode).toBe(200);
    const photo = (await uploadPhoto(t, c.communityAdmin1!)).json().id as string;
    const res = await record('communityAdmin1', { accountId: v.id, entryId: entry('askingMoney').id, photos: [photo] });
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json() as Incident;
    expect(incident).toMatchObject({ points: 50, suspension: 'active', photos: [photo] });
    expect(incident.suspendUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await status(v.cookie)).toBe('suspended');
    expect((await get(v.cookie, '/api/needs?view=pool')).statusCode).toBe(403);
    // the evidence photo follows the incident: the volunteer sees it, another community does not
    expect((await get(v.cookie, `/api/files/${photo}`)).statusCode).toBe(200);
    expect((await get('communityAdmin2', `/api/files/${photo}`)).statusCode).toBe(404);
    const inbox = (await get(v.cookie, '/api/inbox?pageSize=50')).json().items as { type: string }[];
    expect(inbox.map((m) => m.type)).toEqual(expect.arrayContaining(['conduct.recorded', 'volunteers.suspended']));
    const events = await queryRows<{ payload: unknown }>(t.database.db, sql`SELECT payload FROM domain_events WHERE type = 'conduct.incidentRecorded' AND subject_id = ${incident.id}`);
    expect(events.map((r) => r.payload)).toEqual([{ incidentId: incident.id, accountId: v.id, points: 50 }]);
  });

  it('a suspension with an end day is lifted by its job at the start of that day, once', async () => {
    const v = await newVolunteer();
    const res = await record('communityAdmin1', { accountId: v.id, entryId: entry('drinking').id, suspend: true, suspendUntil: dayAfter(3) });
    expect(res.json(), res.body).toMatchObject({ suspension: 'active' });
    await t.app.services.jobs.runDue();
    expect(await status(v.cookie)).toBe('suspended');
    t.clock.advance(4 * 86_400_000);
    await t.app.services.jobs.runDue();
    expect(await status(v.cookie)).toBe('active');
    expect((await get('communityAdmin1', `/api/conduct/incidents/${res.json().id}`)).json()).toMatchObject({ suspension: 'ended' });
  });

  it('the lifting job does not reinstate a volunteer another incident still holds suspended', async () => {
    const v = await newVolunteer();
    await record('communityAdmin1', { accountId: v.id, entryId: entry('drinking').id, suspend: true, suspendUntil: dayAfter(2) });
    await record('communityAdmin1', { accountId: v.id, entryId: entry('fakeHours').id, suspend: true, suspendUntil: dayAfter(10) });
    t.clock.advance(3 * 86_400_000);
    await t.app.services.jobs.runDue();
    expect(await status(v.cookie)).toBe('suspended');
    t.clock.advance(8 * 86_400_000);
    await t.app.services.jobs.runDue();
    expect(await status(v.cookie)).toBe('active');
  });

  it('an appeal upheld before the end day leaves the lifting job nothing to do', async () => {
    const v = await newVolunteer();
    const id = (await record('communityAdmin1', { accountId: v.id, entryId: entry('drinking').id, suspend: true, suspendUntil: dayAfter(5) })).json().id as string;
    await post(v.cookie, `/api/conduct/incidents/${id}/appeal`, { statement: '当天没有饮酒' });
    await post('streetAdmin1', `/api/conduct/incidents/${id}/decide`, { outcome: 'upheld', reason: '证据不足' });
    // staff suspend them again for something else; the annulled incident's job must not lift that
    await post('communityAdmin1', `/api/volunteers/${v.id}/suspend`, { reason: '另案暂停' });
    t.clock.advance(6 * 86_400_000);
    await t.app.services.jobs.runDue();
    expect(await status(v.cookie)).toBe('suspended');
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object_id = ${id} ORDER BY at`);
    expect(audit.map((a) => a.action)).toEqual(['conduct.record', 'conduct.appeal', 'conduct.appeal.upheld']);
  });

  it('the volunteer appeals once; the street admin upholds: annulled, reinstated, refund event, told', async () => {
    const v = await newVolunteer();
    const id = (await record('communityAdmin1', { accountId: v.id, entryId: entry('leakingPersonalData').id })).json().id as string;
    expect(await status(v.cookie)).toBe('suspended');
    // only the volunteer concerned appeals; staff cannot appeal for them
    expect((await post('communityAdmin1', `/api/conduct/incidents/${id}/appeal`, { statement: '代为申诉' })).json()).toMatchObject({ code: 'conduct.not_yours' });
    expect((await post('volunteer1', `/api/conduct/incidents/${id}/appeal`, { statement: '不是我的' })).statusCode).toBe(404);
    const photo = (await uploadPhoto(t, v.cookie)).json().id as string;
    const appealed = await post(v.cookie, `/api/conduct/incidents/${id}/appeal`, { statement: '我没有泄露信息，是对方记错了人。', photos: [photo] });
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json()).toMatchObject({ status: 'appealing', canAppeal: false, appeal: { statement: '我没有泄露信息，是对方记错了人。', photos: [photo] } });
    expect((await post(v.cookie, `/api/conduct/incidents/${id}/appeal`, { statement: '再申诉一次' })).json()).toMatchObject({ code: 'conduct.already_appealed' });
    // the recorder does not decide on their own record; another street's admin does not see it
    expect((await post('communityAdmin1', `/api/conduct/incidents/${id}/decide`, { outcome: 'upheld', reason: '自己决定' })).statusCode).toBe(403);
    expect((await post('streetAdmin2', `/api/conduct/incidents/${id}/decide`, { outcome: 'upheld', reason: '跨街道' })).statusCode).toBe(404);
    const queue = (await get('streetAdmin1', '/api/conduct/incidents?decidable=true&pageSize=200')).json().items as Incident[];
    expect(queue.find((i) => i.id === id)).toMatchObject({ canDecide: true });
    const decided = await post('streetAdmin1', `/api/conduct/incidents/${id}/decide`, { outcome: 'upheld', reason: '经核实记录有误' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'annulled', outcome: 'upheld', suspension: 'annulled' });
    expect(await status(v.cookie)).toBe('active');
    const rows = await queryRows<{ payload: unknown }>(t.database.db, sql`SELECT payload FROM domain_events WHERE type = 'conduct.incidentAnnulled' AND subject_id = ${id}`);
    expect(rows.map((r) => r.payload)).toEqual([{ incidentId: id, accountId: v.id, points: 50 }]);
    expect(((await get(v.cookie, '/api/inbox?pageSize=50')).json().items as { type: string }[]).map((m) => m.type)).toContain('conduct.appealUpheld');
    // the appeal photo follows the incident to its decider
    expect((await get('streetAdmin1', `/api/files/${photo}`)).statusCode).toBe(200);
  });

  it('a dismissed appeal keeps the incident and the suspension', async () => {
    const v = await newVolunteer();
    const id = (await record('communityAdmin1', { accountId: v.id, entryId: entry('commercialUse').id })).json().id as string;
    await post(v.cookie, `/api/conduct/incidents/${id}/appeal`, { statement: '只是介绍了一下' });
    const decided = await post('districtAdmin', `/api/conduct/incidents/${id}/decide`, { outcome: 'dismissed', reason: '有照片为证' });
    expect(decided.json(), decided.body).toMatchObject({ status: 'confirmed', outcome: 'dismissed', suspension: 'active' });
    expect(await status(v.cookie)).toBe('suspended');
    expect((await post('districtAdmin', `/api/conduct/incidents/${id}/decide`, { outcome: 'upheld', reason: '改判' })).json()).toMatchObject({ code: 'conduct.not_appealing' });
    expect(((await get(v.cookie, '/api/inbox?pageSize=50')).json().items as { type: string }[]).map((m) => m.type)).toContain('conduct.appealDismissed');
  });

  it('what a street admin recorded is decided by the district admin only', async () => {
    const v = await newVolunteer();
    const id = (await record('streetAdmin1', { accountId: v.id, entryId: entry('rudeness').id })).json().id as string;
    await post(v.cookie, `/api/conduct/incidents/${id}/appeal`, { statement: '态度没有问题' });
    expect((await post('streetAdmin1', `/api/conduct/incidents/${id}/decide`, { outcome: 'upheld', reason: '自己' })).json()).toMatchObject({ code: 'conduct.not_decider' });
    expect((await post('districtAdmin', `/api/conduct/incidents/${id}/decide`, { outcome: 'dismissed', reason: '维持' })).statusCode).toBe(200);
  });

  it('two deciders at once: exactly one decision', async () => {
    const v = await newVolunteer();
    const id = (await record('communityAdmin1', { accountId: v.id, entryId: entry('proxyCheckIn').id })).json().id as string;
    await post(v.cookie, `/api/conduct/incidents/${id}/appeal`, { statement: '我没有代签' });
    const [a, b] = await Promise.all([
      post('streetAdmin1', `/api/conduct/incidents/${id}/decide`, { outcome: 'upheld', reason: '成立' }),
      post('districtAdmin', `/api/conduct/incidents/${id}/decide`, { outcome: 'dismissed', reason: '驳回' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('conduct.not_appealing');
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object_id = ${id} AND action LIKE 'conduct.appeal.%'`);
    expect(audit).toHaveLength(1);
  });

  it('the volunteer sees their record; staff see the volunteer’s conduct page within scope', async () => {
    const v = await newVolunteer();
    await record('communityAdmin1', { accountId: v.id, entryId: entry('lateOrEarly').id });
    const mine = (await get(v.cookie, '/api/conduct/me')).json() as { incidents: Incident[]; facts: unknown[] };
    expect(mine.incidents).toHaveLength(1);
    expect((await get('communityAdmin1', `/api/conduct/volunteers/${v.id}`)).json()).toMatchObject({ volunteer: { id: v.id, status: 'active' }, incidents: [{ points: 2 }] });
    expect((await get('communityAdmin2', `/api/conduct/volunteers/${v.id}`)).statusCode).toBe(404);
  });

  it('late cancellations and no-shows become facts once per event; repeated no-shows raise one review', async () => {
    const v = await newVolunteer();
    const districtId = t.fx.region.D!.districtId;
    const publish = (type: string, activityId: string) =>
      t.database.db.transaction((tx) => t.app.services.events.publish(tx, districtId, { type, subjectType: 'activity', subjectId: activityId, actorId: null, payload: { activityId, accountId: v.id } }));
    const activities = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await publish('activities.lateCancellation', activities[0]!);
    await publish('activities.noShow', activities[0]!);
    await publish('activities.noShow', activities[0]!); // the same no-show published twice
    await publish('activities.noShow', activities[1]!);
    await t.app.services.events.deliverDue();
    await t.app.services.events.deliverDue();
    let page = (await get('communityAdmin1', `/api/conduct/volunteers/${v.id}`)).json() as { facts: { kind: string }[]; openReview: unknown };
    expect(page.facts.map((f) => f.kind).sort()).toEqual(['lateCancellation', 'noShow', 'noShow']);
    expect(page.openReview).toBeNull();
    await publish('activities.noShow', activities[2]!);
    await t.app.services.events.deliverDue();
    page = (await get('communityAdmin1', `/api/conduct/volunteers/${v.id}`)).json();
    expect(page.openReview).toMatchObject({ noShows: 3 });
    // a suggestion for staff, never a suspension
    expect(await status(v.cookie)).toBe('active');
    const reviews = (await get('communityAdmin1', '/api/conduct/reviews')).json().items as { id: string; accountId: string }[];
    const review = reviews.find((r) => r.accountId === v.id)!;
    expect((await get('communityAdmin2', '/api/conduct/reviews')).json().items.some((r: { accountId: string }) => r.accountId === v.id)).toBe(false);
    expect((await post('communityAdmin1', `/api/conduct/reviews/${review.id}/resolve`, { note: '已电话提醒' })).json()).toEqual({ ok: true });
    expect((await post('communityAdmin1', `/api/conduct/reviews/${review.id}/resolve`, { note: '再次' })).json()).toMatchObject({ code: 'conduct.review_done' });
    expect((await get(v.cookie, '/api/conduct/me')).json().facts).toHaveLength(4);
  });

  it('the district admin sets the no-show threshold', async () => {
    expect((await get('communityAdmin1', '/api/conduct/settings')).json()).toEqual({ noShowThreshold: 3, noShowWindowDays: 90 });
    expect((await send('PUT', 'communityAdmin1', '/api/conduct/settings', { noShowThreshold: 5, noShowWindowDays: 30 })).statusCode).toBe(403);
    expect((await send('PUT', 'districtAdmin', '/api/conduct/settings', { noShowThreshold: 5, noShowWindowDays: 30 })).json()).toEqual({ noShowThreshold: 5, noShowWindowDays: 30 });
    await send('PUT', 'districtAdmin', '/api/conduct/settings', { noShowThreshold: 3, noShowWindowDays: 90 });
  });

  /** A Shanghai day `n` days after the test clock's now. */
  function dayAfter(n: number): string {
    return new Date(t.clock.now().getTime() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
  }
});
