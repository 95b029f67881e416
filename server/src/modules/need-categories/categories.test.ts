import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { act, categoryId, postNeed } from '../../test/needs-helpers.js';

describe('configurable categories, decline reasons and reply templates', () => {
  let t: TestApp;
  let admin: string;
  let community: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    admin = await t.login('districtAdmin');
    community = await t.login('communityAdmin1');
  });
  afterAll(() => t.close());

  it('every district starts with the twelve classes, each with subcategories', async () => {
    const all = (await t.app.inject({ url: '/api/need-categories', headers: { cookie: community } })).json() as { code: string; parentId: string | null }[];
    const top = all.filter((c) => c.parentId === null).map((c) => c.code);
    expect(top).toEqual(['elderly', 'children', 'disability', 'environment', 'facilities', 'safety', 'dispute', 'legal', 'mental', 'medical', 'employment', 'convenience']);
    expect(all.length).toBeGreaterThan(40);
    const other = (await t.app.inject({ url: '/api/need-categories', headers: { cookie: await t.login('otherDistrictAdmin') } })).json() as { id: string }[];
    expect(other.some((c) => all.some((a) => (a as unknown as { id: string }).id === c.id))).toBe(false);
  });

  it('a district admin waives the closing photo for a category; a community admin may not edit', async () => {
    const id = await categoryId(t, admin, 'elderly.companion');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/need-categories/${id}`, headers: { cookie: community }, payload: { photoRequiredOnClose: false } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/need-categories/${id}`, headers: { cookie: admin }, payload: { photoRequiredOnClose: false, notice: '陪伴服务请提前预约' } });
    expect(res.json()).toMatchObject({ photoRequiredOnClose: false, notice: '陪伴服务请提前预约' });
    // now a companion visit closes with a summary alone
    const resident = await t.login('resident1');
    const volunteer = await t.login('volunteer1');
    const need = await postNeed(t, resident, { categoryId: id, title: '陪老人聊天' });
    await act(t, community, need.id, 'accept');
    await act(t, community, need.id, 'pool');
    await act(t, volunteer, need.id, 'grab');
    await act(t, volunteer, need.id, 'check-in');
    expect((await act(t, volunteer, need.id, 'complete', { summary: '陪伴两小时', photos: [] })).json().status).toBe('completed');
  });

  it('required extra questions must be answered at intake, naming the question', async () => {
    const id = await categoryId(t, admin, 'elderly.escort');
    await t.app.inject({ method: 'PATCH', url: `/api/need-categories/${id}`, headers: { cookie: admin }, payload: { extraQuestions: [{ key: 'hospital', label: '就诊医院', type: 'text', required: true }] } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/needs',
      headers: { cookie: await t.login('resident1') },
      payload: { kind: 'serviceRequest', categoryId: id, title: '陪诊', description: '需要陪同就医', regionId: t.fx.region.B1!.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'needs.answer_required', field: 'answers.hospital', message: '请回答：就诊医院' });
  });

  it('decline reasons are configurable: a retired one can no longer be given', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/need-config/decline-reasons/holiday', headers: { cookie: admin }, payload: { label: '节假日人手不足', labelEn: 'Holiday shortage' } });
    const reasons = (await t.app.inject({ url: '/api/need-config/decline-reasons', headers: { cookie: community } })).json() as { code: string }[];
    expect(reasons.map((r) => r.code)).toContain('holiday');
    await t.app.inject({ method: 'PUT', url: '/api/need-config/decline-reasons/holiday', headers: { cookie: admin }, payload: { label: '节假日人手不足', labelEn: 'Holiday shortage', active: false } });
    const leader = await t.login('teamLeader1');
    const need = await postNeed(t, await t.login('resident1'), { title: '修水龙头' });
    await act(t, community, need.id, 'accept');
    await act(t, community, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    expect((await act(t, leader, need.id, 'decline', { reasonCode: 'holiday' })).json().code).toBe('needs.bad_reason');
  });

  it('reply templates answer the requester in one click, on the timeline', async () => {
    const templates = (await t.app.inject({ url: '/api/need-config/reply-templates?status=accepted', headers: { cookie: community } })).json() as { text: string }[];
    expect(templates.length).toBeGreaterThan(0);
    const need = await postNeed(t, await t.login('resident1'), { title: '需要帮忙' });
    await act(t, community, need.id, 'accept');
    const replied = await act(t, community, need.id, 'reply', { note: templates[0]!.text });
    expect(replied.json().timeline.at(-1)).toMatchObject({ action: 'reply', note: templates[0]!.text, fromStatus: 'accepted', toStatus: 'accepted' });
  });
});
