import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';
import { createNotificationsService, type NotifyInput } from './notifications.service.js';

type Message = { id: string; type: string; title: string; body: string; subject: { type: string; id: string; label: string }; read: boolean; readAt: string | null; createdAt: string };

describe.each(backends)('the inbox on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const id = (key: string) => t.fx.person[key]!.id;
  const district = () => t.fx.region.D!.districtId;
  const notify = (input: Partial<NotifyInput> & { key: string }) =>
    t.database.db.transaction((tx) =>
      t.app.services.notifications.notify(tx, district(), { type: 'needs.accepted', recipients: [id('resident1')], subject: { type: 'need', id: crypto.randomUUID(), label: 'XQ-TEST' }, ...input }),
    );
  const inbox = (who: string, query = '', lang = 'zh-CN') => t.app.inject({ url: `/api/inbox${query}`, headers: { cookie: c[who]!, 'accept-language': lang } });
  const post = (who: string, url: string) => t.app.inject({ method: 'POST', url, headers: { cookie: c[who]! }, payload: {} });
  const count = async (who: string) => (await inbox(who, '/unread-count')).json().count as number;
  const sms = async (accountKey: string) =>
    queryRows<{ template: string; params: Record<string, unknown> }>(t.database.db, sql`SELECT template, params FROM outbound_messages WHERE district_id = ${district()} AND recipient_key = ${t.app.deps.crypto.digest(t.fx.person[accountKey]!.phone)} ORDER BY created_at`);

  beforeAll(async () => {
    // a gateway is configured, so the SMS channel is on (sending itself is the delivery job's)
    t = await createTestApp(backend, { smsGatewayUrl: 'http://127.0.0.1:9/sms' });
    for (const k of ['resident1', 'resident2', 'communityAdmin1', 'teamLeader1', 'volunteer1', 'gridWorker1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  it('a message is made exactly once per key and recipient, even by two concurrent calls', async () => {
    const key = `job:${crypto.randomUUID()}`;
    const recipients = [id('volunteer1'), id('teamLeader1')];
    const results = await Promise.all([notify({ key, recipients, type: 'needs.assigned' }), notify({ key, recipients, type: 'needs.assigned' })]);
    expect(results.flatMap((r) => r.created).sort()).toEqual([...recipients].sort());
    const rows = await queryRows<{ account_id: string; n: number }>(t.database.db, sql`SELECT account_id, count(*)::int AS n FROM inbox_messages WHERE source_key = ${key} GROUP BY account_id`);
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
    // and once more, later: nothing new
    expect((await notify({ key, recipients })).created).toEqual([]);
  });

  it('lists my messages newest first in my language, filters unread, marks one and all read', async () => {
    const before = await count('resident2');
    await notify({ key: `a:${crypto.randomUUID()}`, recipients: [id('resident2')], type: 'needs.accepted', subject: { type: 'need', id: crypto.randomUUID(), label: 'XQ-1' } });
    t.clock.advance(60_000);
    await notify({ key: `b:${crypto.randomUUID()}`, recipients: [id('resident2')], type: 'needs.dispatched', subject: { type: 'need', id: crypto.randomUUID(), label: 'XQ-2' }, params: { teamName: '光明队' } });
    expect(await count('resident2')).toBe(before + 2);
    const list = (await inbox('resident2')).json() as { items: Message[]; total: number };
    expect(list.items[0]).toMatchObject({ type: 'needs.dispatched', title: '需求已派单', body: '您的需求XQ-2已派给「光明队」。', subject: { type: 'need', label: 'XQ-2' }, read: false, readAt: null });
    expect(list.items[1]!.subject.label).toBe('XQ-1');
    expect((await inbox('resident2', '', 'en')).json().items[0].title).toBe('Need dispatched');
    const read = await post('resident2', `/api/inbox/${list.items[1]!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: list.items[1]!.id, read: true });
    // read on the platform clock, which the test moved a minute on
    expect(Date.parse(read.json().readAt)).toBeGreaterThanOrEqual(Date.parse(list.items[0]!.createdAt));
    expect((await post('resident2', `/api/inbox/${list.items[1]!.id}/read`)).statusCode).toBe(200); // again: no change
    const unread = (await inbox('resident2', '?unread=true')).json() as { items: Message[]; total: number };
    expect(unread.items.map((m) => m.subject.label)).toEqual(['XQ-2']);
    expect(unread.total).toBe(before + 1);
    expect((await post('resident2', '/api/inbox/read-all')).json()).toEqual({ updated: before + 1 });
    expect(await count('resident2')).toBe(0);
    expect((await inbox('resident2', '?page=1&pageSize=1')).json()).toMatchObject({ total: list.total, page: 1, pageSize: 1 });
  });

  it('another person’s message is not found, and stays unread', async () => {
    await notify({ key: `c:${crypto.randomUUID()}`, recipients: [id('resident1')] });
    const theirs = (await inbox('resident1', '?unread=true')).json().items[0] as Message;
    const res = await post('resident2', `/api/inbox/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('notifications.not_found');
    expect((await post('resident2', `/api/inbox/${crypto.randomUUID()}/read`)).statusCode).toBe(404);
    expect((await inbox('resident1', '?unread=true')).json().items.map((m: Message) => m.id)).toContain(theirs.id);
    expect((await inbox('resident2')).json().items.map((m: Message) => m.id)).not.toContain(theirs.id);
  });

  it('a dispatch reaches the team leader’s inbox through the event subscriber, once however often it is delivered', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    const leaderBefore = await count('teamLeader1');
    await t.app.services.events.deliverDue();
    const forNeed = async (who: string) => ((await inbox(who)).json().items as Message[]).filter((m) => m.subject.id === need.id);
    // named as people know it: by its title, with its number
    expect((await forNeed('teamLeader1')).map((m) => [m.type, m.body])).toEqual([['needs.teamDispatched', `需求「老人需要上门理发」（${need.number}）已派给您的服务队，请及时接单。`]]);
    expect(((await inbox('teamLeader1', '', 'en')).json().items as Message[]).find((m) => m.subject.id === need.id)!.body).toBe(`Need “老人需要上门理发” (${need.number}) was dispatched to your team: please take it.`);
    expect((await forNeed('resident1')).map((m) => m.type).sort()).toEqual(['needs.accepted', 'needs.dispatched']);
    // the community staff over the need heard of it when it was posted, and nothing of what they did themselves
    expect((await forNeed('gridWorker1')).map((m) => m.type)).toEqual(['needs.submitted']);
    expect((await forNeed('communityAdmin1')).map((m) => m.type)).toEqual(['needs.submitted']);
    // the outbox hands the events out again (a crash before "delivered" was recorded): no duplicates
    await t.database.db.execute(sql`UPDATE event_deliveries SET delivered_at = NULL WHERE subscriber = 'notifications.needs' AND event_id IN (SELECT id FROM domain_events WHERE subject_id = ${need.id})`);
    expect(await t.app.services.events.deliverDue()).toBeGreaterThanOrEqual(3);
    expect(await count('teamLeader1')).toBe(leaderBefore + 1);
    expect((await forNeed('resident1')).length).toBe(2);
  });

  it('a volunteer the leader assigns gets a task message with a link to the need', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    await act(t, c.teamLeader1!, need.id, 'assign', { volunteerId: id('volunteer1') });
    await t.app.services.events.deliverDue();
    const mine = ((await inbox('volunteer1')).json().items as Message[]).filter((m) => m.subject.id === need.id);
    expect(mine.map((m) => [m.type, m.subject.label])).toEqual([['needs.assigned', need.number]]);
  });

  it('a second decline asks the street over the need for a ruling; a cancelled task reaches its volunteers and leader', async () => {
    for (const k of ['streetAdmin1', 'streetAdmin2']) c[k] = await t.login(k);
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept');
    for (const reasonCode of ['noManpower', 'timeConflict']) {
      await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
      await act(t, c.teamLeader1!, need.id, 'decline', { reasonCode });
    }
    await act(t, c.streetAdmin1!, need.id, 'rule', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    await act(t, c.teamLeader1!, need.id, 'assign', { volunteerId: id('volunteer1') });
    await act(t, c.resident1!, need.id, 'cancel', { note: '已经自己解决了' });
    await t.app.services.events.deliverDue();
    const types = async (who: string) => ((await inbox(who)).json().items as Message[]).filter((m) => m.subject.id === need.id).map((m) => m.type).sort();
    expect(await types('streetAdmin1')).toEqual(['needs.rulingNeeded']);
    expect(await types('streetAdmin2')).toEqual([]); // another street's admin is not concerned
    expect(await types('communityAdmin1')).toEqual(['needs.declined', 'needs.declined', 'needs.submitted']);
    expect(await types('volunteer1')).toEqual(['needs.assigned', 'needs.taskCancelled']);
    expect((await types('teamLeader1')).filter((x) => x === 'needs.taskCancelled')).toHaveLength(1);
  });

  it('preferences: the inbox is always on; SMS by default only for deadline warnings and reminders', async () => {
    const prefs = (await inbox('volunteer1', '/preferences')).json();
    expect(prefs.channels).toEqual([{ name: 'sms', available: true }]);
    const state = (p: { items: { group: string; channel: string; enabled: boolean; locked: boolean }[] }) => Object.fromEntries(p.items.map((i) => [`${i.group}:${i.channel}`, i.locked ? 'locked' : i.enabled]));
    expect(state(prefs)).toEqual({ 'orders:inbox': 'locked', 'orders:sms': false, 'deadlines:inbox': 'locked', 'deadlines:sms': true, 'overdue:inbox': 'locked', 'overdue:sms': true });
    const inboxOff = await t.app.inject({ method: 'PUT', url: '/api/inbox/preferences', headers: { cookie: c.volunteer1! }, payload: { items: [{ group: 'orders', channel: 'inbox', enabled: false }] } });
    expect(inboxOff.statusCode).toBe(400);
    expect(inboxOff.json().field).toMatch(/channel/);
    const saved = await t.app.inject({ method: 'PUT', url: '/api/inbox/preferences', headers: { cookie: c.volunteer1! }, payload: { items: [{ group: 'orders', channel: 'sms', enabled: true }, { group: 'deadlines', channel: 'sms', enabled: false }] } });
    expect(saved.statusCode).toBe(200);
    expect(state(saved.json())).toMatchObject({ 'orders:sms': true, 'deadlines:sms': false, 'overdue:sms': true });
    // someone else's choices are their own
    expect(state((await inbox('teamLeader1', '/preferences')).json())).toMatchObject({ 'orders:sms': false, 'deadlines:sms': true });
  });

  it('SMS is queued as the recipient’s choices allow, once per message', async () => {
    const need = { type: 'need' as const, id: crypto.randomUUID(), label: 'XQ-SMS' };
    // the leader kept the defaults: a deadline warning goes by SMS, order news does not
    await notify({ key: `d:${crypto.randomUUID()}`, recipients: [id('teamLeader1')], type: 'deadline.warn50', subject: need });
    await notify({ key: `e:${crypto.randomUUID()}`, recipients: [id('teamLeader1')], type: 'needs.teamDispatched', subject: need });
    expect((await sms('teamLeader1')).filter((m) => m.params.subject === 'XQ-SMS').map((m) => m.template)).toEqual(['inbox.deadline.warn50']);
    // the volunteer switched order news on and deadline warnings off (previous test)
    const key = `f:${crypto.randomUUID()}`;
    await notify({ key, recipients: [id('volunteer1')], type: 'needs.assigned', subject: need });
    await notify({ key, recipients: [id('volunteer1')], type: 'needs.assigned', subject: need });
    await notify({ key: `g:${crypto.randomUUID()}`, recipients: [id('volunteer1')], type: 'deadline.warn80', subject: need });
    expect((await sms('volunteer1')).filter((m) => m.params.subject === 'XQ-SMS').map((m) => m.template)).toEqual(['inbox.needs.assigned']);
    // a need's SMS names it by its title too, a long one cut short
    const named = { type: 'need' as const, id: crypto.randomUUID(), label: 'XQ-NAMED' };
    await notify({ key: `h:${crypto.randomUUID()}`, recipients: [id('volunteer1')], type: 'needs.assigned', subject: named, params: { needTitle: '三号楼独居老人家中水管漏水需要上门维修并检查燃气' } });
    expect((await sms('volunteer1')).map((m) => m.params.subject)).toContain('「三号楼独居老人家中水管漏水需要上门维修…」（XQ-NAMED）');
  });

  it('without a gateway configured no SMS is queued, the inbox works alike', async () => {
    const deps = t.app.deps;
    const noGateway = createNotificationsService({ ...deps, config: { ...deps.config, smsGatewayUrl: undefined }, notifier: t.app.services.notifier, accounts: t.app.services.accounts });
    const before = (await sms('teamLeader1')).length;
    const created = await t.database.db.transaction((tx) =>
      noGateway.notify(tx, district(), { key: `h:${crypto.randomUUID()}`, type: 'deadline.overdue', recipients: [id('teamLeader1')], subject: { type: 'need', id: crypto.randomUUID(), label: 'XQ-NOSMS' } }),
    );
    expect(created.created).toEqual([id('teamLeader1')]);
    expect((await sms('teamLeader1')).length).toBe(before);
    expect((await noGateway.preferences({ ...(await import('../../platform/auth/actor.js')).systemActor(district()), accountId: id('teamLeader1') })).channels).toEqual([{ name: 'sms', available: false }]);
  });
});
