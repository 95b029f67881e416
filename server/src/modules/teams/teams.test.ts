import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVolunteers } from '../../test/fixtures.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';

type Detail = {
  id: string; name: string; type: string; thinkTankModule: string | null; active: boolean; leader: { id: string; name: string }; memberCount: number; openOrders: number; partnerUnit: { id: string; name: string } | null;
  members: { id: string; name: string; phone: string; leader: boolean }[]; me: { canManage: boolean; canDecide: boolean; member: boolean; leader: boolean; request: { id: string; status: string } | null };
};
type Request = { id: string; team: { id: string }; person: { id: string }; status: string; reason: string | null; canDecide: boolean };

describe.each(backends)('志愿服务队 (teams) on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const people = ['districtAdmin', 'streetAdmin1', 'communityAdmin1', 'communityAdmin2', 'communityAdmin3', 'gridWorker1', 'teamLeader1', 'volunteer1', 'volunteer2', 'resident1'];
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of people) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who]! } });
  const send = (who: string, method: 'POST' | 'PATCH', url: string, payload: object = {}, lang = 'zh-CN') =>
    t.app.inject({ method, url, headers: { cookie: c[who]!, 'accept-language': lang }, payload });
  const post = (who: string, url: string, payload: object = {}, lang?: string) => send(who, 'POST', url, payload, lang);
  /** A fresh volunteer in 光明社区 (building B1), signed in as `key`. */
  const newVolunteer = async (key: string) => {
    const [v] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, `136${String(++seq).padStart(3, '0')}`);
    c[key] = await t.loginPhone(v!.phone);
    return v!.id;
  };
  const create = async (body: Record<string, unknown> = {}, who = 'communityAdmin1') => {
    const res = await post(who, '/api/teams', { name: `测试服务队${++seq}`, type: 'own', regionId: t.fx.region.C1!.id, categories: ['elderly'], leaderId: t.fx.person.teamLeader1!.id, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Detail;
  };
  const rolesOf = async (who: string) => (await get(who, '/api/auth/me')).json().account.roles as string[];
  const inbox = async (who: string, teamId: string) => ((await get(who, '/api/inbox?pageSize=100')).json().items as { type: string; body: string; subject: { type: string; id: string } }[]).filter((m) => m.subject.id === teamId);

  it('an admin creates a team in a community of their area; its leader joins it and gets the team-leader role', async () => {
    const leader = await newVolunteer('leaderA');
    expect(await rolesOf('leaderA')).not.toContain('teamLeader');
    const team = await create({ leaderId: leader, description: '上门助老', contactPhone: '13811112222' });
    expect(team).toMatchObject({ type: 'own', thinkTankModule: null, active: true, leader: { id: leader }, memberCount: 1, openOrders: 0, me: { canManage: true } });
    expect(team.members).toEqual([expect.objectContaining({ id: leader, leader: true })]);
    expect(await rolesOf('leaderA')).toContain('teamLeader');
    expect((await inbox('leaderA', team.id)).map((m) => m.type)).toEqual(['teams.madeLeader']);
    // it is in the dispatch picker, and the street and district admins over it see it in their lists
    expect(((await get('communityAdmin1', '/api/teams')).json() as { id: string }[]).map((x) => x.id)).toContain(team.id);
    for (const who of ['streetAdmin1', 'districtAdmin']) expect(((await get(who, `/api/teams/list?q=${encodeURIComponent(team.name)}`)).json().items as { id: string }[]).map((x) => x.id)).toEqual([team.id]);
    // another community's admin neither lists it nor opens it
    expect((await get('communityAdmin2', `/api/teams/list?q=${encodeURIComponent(team.name)}`)).json().total).toBe(0);
    expect((await get('communityAdmin2', `/api/teams/${team.id}`)).statusCode).toBe(404);
    // and cannot create one in a community outside their area
    const outside = await post('communityAdmin2', '/api/teams', { name: '越界服务队', type: 'own', regionId: t.fx.region.C1!.id, categories: [], leaderId: t.fx.person.teamLeader1!.id });
    expect(outside.statusCode).toBe(404);
  });

  it('the list filters by type, community, name and state, and pages', async () => {
    const tank = await create({ type: 'thinkTank', thinkTankModule: 'legal', name: `法律智囊团${++seq}` });
    const list = async (q: string) => (await get('districtAdmin', `/api/teams/list?${q}`)).json() as { items: { id: string; type: string }[]; total: number; pageSize: number };
    expect((await list('type=thinkTank')).items.map((x) => x.id)).toContain(tank.id);
    expect((await list('type=thinkTank')).items.every((x) => x.type === 'thinkTank')).toBe(true);
    expect((await list(`regionId=${t.fx.region.C2!.id}`)).items.map((x) => x.id)).not.toContain(tank.id);
    expect((await list(`regionId=${t.fx.region.C1!.id}&active=true`)).items.map((x) => x.id)).toContain(tank.id);
    const paged = await list('pageSize=1&page=2');
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(1);
    expect((await get('volunteer1', '/api/teams/list')).statusCode).toBe(403);
  });

  it('bad input is a 4xx naming the field', async () => {
    const base = { name: '好名字', type: 'own', regionId: t.fx.region.C1!.id, categories: ['elderly'], leaderId: t.fx.person.teamLeader1!.id };
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ name: '' }, 400, 'name', 'validation'],
      [{ type: 'club' }, 400, 'type', 'validation'],
      [{ type: 'thinkTank' }, 400, 'thinkTankModule', 'teams.module_required'],
      [{ thinkTankModule: 'legal' }, 400, 'thinkTankModule', 'teams.module_forbidden'],
      [{ type: 'thinkTank', thinkTankModule: 'astrology' }, 400, 'thinkTankModule', 'validation'],
      [{ regionId: t.fx.region.G1!.id }, 400, 'regionId', 'teams.not_community'],
      [{ categories: ['elderly', 'nosuch'] }, 400, 'categories', 'teams.unknown_category'],
      [{ leaderId: t.fx.person.volunteer2!.id }, 400, 'leaderId', 'teams.leader_not_found'],
      [{ leaderId: 'nope' }, 400, 'leaderId', 'validation'],
      [{ contactPhone: '12345' }, 400, 'contactPhone', 'validation'],
    ];
    for (const [patch, status, field, code] of cases) {
      const res = await post('communityAdmin1', '/api/teams', { ...base, ...patch }, 'en');
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(res.json().field, JSON.stringify(patch)).toBe(field);
      expect(res.json().code.startsWith(code), `${JSON.stringify(patch)} → ${res.json().code}`).toBe(true);
    }
    const team = await create();
    const dup = await post('communityAdmin1', '/api/teams', { ...base, name: team.name });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'teams.name_taken', field: 'name' });
  });

  it('a paired team (结对共建) names its partner unit: required, checked, shown, and changed with the team', async () => {
    const unit = async (name: string) => {
      const res = await post('districtAdmin', '/api/partner-units', { name, type: 'soe', regionId: t.fx.region.C1!.id, communityIds: [t.fx.region.C1!.id], contact: { name: `${name}联系人`, phone: `1391${String(++seq).padStart(7, '0')}` } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [power, bank] = [await unit(`县供电公司${seq}`), await unit(`县农商银行${seq}`)];
    const missing = await post('communityAdmin1', '/api/teams', { name: `结对队${++seq}`, type: 'paired', regionId: t.fx.region.C1!.id, categories: [], leaderId: t.fx.person.teamLeader1!.id });
    expect(missing.json()).toMatchObject({ code: 'teams.partner_unit_required', field: 'partnerUnitId' });
    const unknown = await post('communityAdmin1', '/api/teams', { name: `结对队${++seq}`, type: 'paired', regionId: t.fx.region.C1!.id, categories: [], leaderId: t.fx.person.teamLeader1!.id, partnerUnitId: crypto.randomUUID() });
    expect(unknown.json()).toMatchObject({ code: 'partners.pair_unit_not_found', field: 'partnerUnitId' });
    const team = await create({ type: 'paired', partnerUnitId: power });
    expect(team.partnerUnit).toMatchObject({ id: power, name: expect.stringContaining('县供电公司') });
    const moved = await send('communityAdmin1', 'PATCH', `/api/teams/${team.id}`, { partnerUnitId: bank });
    expect(moved.json().partnerUnit).toMatchObject({ id: bank });
    expect((await send('communityAdmin1', 'PATCH', `/api/teams/${team.id}`, { partnerUnitId: null })).json().code).toBe('teams.partner_unit_required');
    // another type needs none, and unpairs
    expect((await send('communityAdmin1', 'PATCH', `/api/teams/${team.id}`, { type: 'own', partnerUnitId: null })).json()).toMatchObject({ type: 'own', partnerUnit: null });
  });

  it('admins over a team edit it; switching to a think tank needs the field, switching away drops it; others get a 404', async () => {
    const team = await create();
    const edit = (who: string, body: object) => send(who, 'PATCH', `/api/teams/${team.id}`, body);
    expect((await edit('communityAdmin1', { type: 'thinkTank' })).json()).toMatchObject({ code: 'teams.module_required', field: 'thinkTankModule' });
    expect((await edit('streetAdmin1', { type: 'thinkTank', thinkTankModule: 'mental', description: '心理疏导' })).json()).toMatchObject({ type: 'thinkTank', thinkTankModule: 'mental' });
    expect((await edit('communityAdmin1', { thinkTankModule: 'medical' })).json()).toMatchObject({ thinkTankModule: 'medical' });
    expect((await edit('communityAdmin1', { type: 'roving' })).json()).toMatchObject({ type: 'roving', thinkTankModule: null });
    expect((await edit('communityAdmin2', { name: '改名' })).statusCode).toBe(404);
    expect((await edit('communityAdmin3', { name: '改名' })).statusCode).toBe(404);
    expect((await edit('teamLeader1', { name: '改名' })).statusCode).toBe(403);
    expect((await edit('communityAdmin1', {})).json().code).toMatch(/^validation\./);
  });

  it('a team holding open orders cannot be dissolved; once they are done it is, leaves the dispatch picker and keeps its history', async () => {
    const leader = await newVolunteer('leaderB');
    const team = await create({ leaderId: leader });
    const need = await postNeed(t, c.resident1!, { title: `解散测试${seq}` });
    expect((await act(t, c.communityAdmin1!, need.id, 'accept', {})).statusCode).toBe(200);
    expect((await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: team.id })).statusCode).toBe(200);
    expect((await get('communityAdmin1', `/api/teams/${team.id}`)).json().openOrders).toBe(1);

    const refused = await post('communityAdmin1', `/api/teams/${team.id}/dissolve`, {}, 'en');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'teams.has_open_orders', details: { openOrders: 1 } });
    expect(refused.json().message).toContain('1 open order');
    expect((await post('communityAdmin2', `/api/teams/${team.id}/dissolve`)).statusCode).toBe(404);

    expect((await act(t, c.resident1!, need.id, 'cancel', { note: '不需要了' })).statusCode).toBe(200);
    const done = await post('communityAdmin1', `/api/teams/${team.id}/dissolve`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ active: false, me: { canManage: false } });
    expect(await rolesOf('leaderB')).not.toContain('teamLeader');
    expect(((await get('communityAdmin1', '/api/teams')).json() as { id: string }[]).map((x) => x.id)).not.toContain(team.id);
    // history: still listed (as dissolved) and its page still opens; it takes no more orders or changes
    expect((await get('communityAdmin1', `/api/teams/list?active=false&q=${encodeURIComponent(team.name)}`)).json().total).toBe(1);
    expect((await get('leaderB', `/api/teams/${team.id}`)).statusCode).toBe(200);
    const next = await postNeed(t, c.resident1!, { title: `解散后派单${seq}` });
    await act(t, c.communityAdmin1!, next.id, 'accept', {});
    expect((await act(t, c.communityAdmin1!, next.id, 'dispatch', { teamId: team.id })).statusCode).toBe(404);
    expect((await send('communityAdmin1', 'PATCH', `/api/teams/${team.id}`, { name: '复活' })).json().code).toBe('teams.dissolved');
  });

  it('a volunteer asks to join, a second request is refused while the first is open, the leader accepts and they are a member', async () => {
    const leader = await newVolunteer('leaderC');
    const team = await create({ leaderId: leader });
    const joiner = await newVolunteer('joinerC');
    expect(((await get('joinerC', '/api/teams/near')).json() as { id: string }[]).map((x) => x.id)).toContain(team.id);
    const asked = await post('joinerC', `/api/teams/${team.id}/join-requests`, { message: '我会理发' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().me).toMatchObject({ member: false, request: { status: 'open' } });
    // a nearby volunteer sees the team, not its members
    expect(asked.json().members).toEqual([]);
    const again = await post('joinerC', `/api/teams/${team.id}/join-requests`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('teams.request_open');

    const waiting = (await get('leaderC', '/api/team-requests?status=open')).json().items as Request[];
    expect(waiting).toEqual([expect.objectContaining({ team: { id: team.id, name: team.name }, person: expect.objectContaining({ id: joiner }), status: 'open', canDecide: true })]);
    expect((await inbox('leaderC', team.id)).map((m) => m.type)).toContain('teams.joinRequested');
    // another member may not decide; someone of another community cannot even see it
    expect((await post('volunteer2', `/api/team-requests/${waiting[0]!.id}/accept`)).statusCode).toBe(404);
    expect((await post('joinerC', `/api/team-requests/${waiting[0]!.id}/accept`)).json().code).toBe('teams.leader_only');

    expect((await post('leaderC', `/api/team-requests/${waiting[0]!.id}/accept`)).statusCode).toBe(200);
    expect((await post('leaderC', `/api/team-requests/${waiting[0]!.id}/accept`)).json().code).toBe('teams.request_decided');
    const page = (await get('joinerC', `/api/teams/${team.id}`)).json() as Detail;
    expect(page.me).toMatchObject({ member: true, request: { status: 'accepted' } });
    expect(page.members.map((m) => m.id).sort()).toEqual([leader, joiner].sort());
    expect((await inbox('joinerC', team.id)).map((m) => m.type)).toEqual(['teams.requestAccepted']);
    expect(((await get('joinerC', '/api/teams/joined')).json() as { id: string; leading: boolean }[]).find((x) => x.id === team.id)).toMatchObject({ leading: false });
    expect((await post('joinerC', `/api/teams/${team.id}/join-requests`, {})).json().code).toBe('teams.already_member');
  });

  it('a refusal carries its reason to the requester; residents and far-away volunteers cannot ask', async () => {
    const team = await create();
    const joiner = await newVolunteer('joinerD');
    await post('joinerD', `/api/teams/${team.id}/join-requests`, {});
    const [req] = (await get('teamLeader1', `/api/team-requests?teamId=${team.id}`)).json().items as Request[];
    expect(req!.person.id).toBe(joiner);
    expect((await post('teamLeader1', `/api/team-requests/${req!.id}/refuse`, { reason: '' })).json()).toMatchObject({ field: 'reason' });
    expect((await post('teamLeader1', `/api/team-requests/${req!.id}/refuse`, { reason: '本队暂不招新' })).statusCode).toBe(200);
    const mine = (await get('joinerD', '/api/team-requests?mine=true')).json().items as Request[];
    expect(mine).toEqual([expect.objectContaining({ id: req!.id, status: 'refused', reason: '本队暂不招新', canDecide: false })]);
    expect((await inbox('joinerD', team.id))[0]!.body).toContain('本队暂不招新');
    // refused: they may ask again
    expect((await post('joinerD', `/api/teams/${team.id}/join-requests`, {})).statusCode).toBe(201);

    expect((await post('resident1', `/api/teams/${team.id}/join-requests`, {})).json().code).toBe('teams.volunteers_only');
    // 和平社区's volunteer: not near an own team of 光明社区 (404) but near a roving group of the same street
    expect((await post('volunteer2', `/api/teams/${team.id}/join-requests`, {})).statusCode).toBe(404);
    const roving = await create({ type: 'roving' });
    expect(((await get('volunteer2', '/api/teams/near')).json() as { id: string }[]).map((x) => x.id)).toContain(roving.id);
    expect((await post('volunteer2', `/api/teams/${roving.id}/join-requests`, {})).statusCode).toBe(201);
    // a leader of another team cannot read this team's requests
    expect((await get('leaderC', `/api/team-requests?teamId=${team.id}`)).statusCode).toBe(404);
  });

  it('admins add and remove members; the new leader must be a member, the old one stays a member; members leave but the leader does not', async () => {
    const leader = await newVolunteer('leaderE');
    const team = await create({ leaderId: leader });
    const other = await newVolunteer('otherE');
    const url = `/api/teams/${team.id}`;
    expect((await post('communityAdmin1', `${url}/leader`, { accountId: other })).json()).toMatchObject({ code: 'teams.leader_must_be_member', field: 'accountId' });
    expect((await post('communityAdmin1', `${url}/members`, { accountId: t.fx.person.resident1!.id })).json()).toMatchObject({ code: 'teams.not_volunteer', field: 'accountId' });
    expect((await post('communityAdmin1', `${url}/members`, { accountId: t.fx.person.volunteer2!.id })).json()).toMatchObject({ code: 'teams.person_not_found', field: 'accountId' });
    expect((await post('communityAdmin1', `${url}/members`, { accountId: other })).json().memberCount).toBe(2);
    expect((await post('communityAdmin1', `${url}/members`, { accountId: other })).json().code).toBe('teams.already_member');
    expect((await post('communityAdmin2', `${url}/members`, { accountId: other })).statusCode).toBe(404);

    const changed = (await post('communityAdmin1', `${url}/leader`, { accountId: other })).json() as Detail;
    expect(changed.leader.id).toBe(other);
    expect(changed.members.map((m) => m.id).sort()).toEqual([leader, other].sort());
    expect(await rolesOf('otherE')).toContain('teamLeader');
    expect(await rolesOf('leaderE')).not.toContain('teamLeader');

    expect((await post('otherE', `${url}/leave`)).json().code).toBe('teams.leader_stays');
    expect((await post('communityAdmin1', `${url}/members/remove`, { accountId: other })).json().code).toBe('teams.leader_stays');
    expect((await post('leaderE', `${url}/leave`)).statusCode).toBe(200);
    expect((await post('leaderE', `${url}/leave`)).json().code).toBe('teams.not_member');
    expect((await inbox('otherE', team.id)).map((m) => m.type)).toContain('teams.memberLeft');
    await post('communityAdmin1', `${url}/members`, { accountId: leader });
    expect((await post('communityAdmin1', `${url}/members/remove`, { accountId: leader })).json().memberCount).toBe(1);

    // every change is in the audit log, and the roles moved with the leadership
    const audit = (await get('communityAdmin1', `/api/audit?objectType=team&objectId=${team.id}&pageSize=50`)).json().items as { action: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual(['teams.add_member', 'teams.add_member', 'teams.create', 'teams.leave', 'teams.remove_member', 'teams.set_leader'].sort());
    const roles = (await get('communityAdmin1', `/api/audit?objectType=account&objectId=${leader}`)).json().items as { action: string }[];
    expect(roles.map((a) => a.action).filter((a) => a.startsWith('accounts.')).sort()).toEqual(['accounts.grant_role', 'accounts.revoke_role']);
  });

  it('a team page masks every member’s phone, the leader’s included, for every viewer: staff, the leader, a member', async () => {
    const team = t.fx.team.T1!.id;
    const leader = t.fx.person.teamLeader1!;
    const member = t.fx.person.volunteer1!;
    for (const who of ['communityAdmin1', 'streetAdmin1', 'districtAdmin', 'teamLeader1', 'volunteer1']) {
      const page = (await get(who, `/api/teams/${team}`)).json() as Detail;
      const phones = Object.fromEntries(page.members.map((m) => [m.id, m.phone]));
      // 138****1234: the leader's own number too (it is on their 我的 page); never the full one on a list of people
      expect([who, phones[leader.id]]).toEqual([who, maskPhone(leader.phone)]);
      expect([who, phones[member.id]]).toEqual([who, maskPhone(member.phone)]);
      expect(JSON.stringify(page)).not.toContain(leader.phone);
    }
    // the leader's roster for assigning masks the same way
    const roster = (await get('teamLeader1', `/api/teams/${team}/members`)).json() as { id: string; phone: string }[];
    expect(roster.find((m) => m.id === leader.id)?.phone).toBe(maskPhone(leader.phone));
  });

  it('20 join requests sent at once by one volunteer open exactly one request', async () => {
    const team = await create();
    await newVolunteer('racer');
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('racer', `/api/teams/${team.id}/join-requests`, {})));
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(19).fill('teams.request_open'));
    const open = (await get('teamLeader1', `/api/team-requests?teamId=${team.id}&status=open`)).json();
    expect(open.total).toBe(1);
  });
});
