import type { TestApp } from './harness.js';

const HOUR = 3_600_000;

/** A published activity of 光明社区 (C1) by its admin, starting `inHours` from the test clock's now, lasting 2 h. */
export async function scheduleActivity(t: TestApp, cookie: string, body: Record<string, unknown> = {}, inHours = 24) {
  const start = t.clock.now().getTime() + inHours * HOUR;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/activities',
    headers: { cookie },
    payload: {
      title: '社区环境清洁',
      description: '清理楼道杂物，美化小区环境。',
      categoryCode: 'environment',
      place: '光明社区广场',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * HOUR).toISOString(),
      capacity: 10,
      regionId: t.fx.region.C1!.id,
      publish: true,
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`schedule activity: ${res.statusCode} ${res.body}`);
  return res.json() as { ids: string[]; first: { id: string; status: string; startsAt: string; endsAt: string } };
}

export const signUp = (t: TestApp, cookie: string, id: string) => t.app.inject({ method: 'POST', url: `/api/activities/${id}/signup`, headers: { cookie } });
export const withdraw = (t: TestApp, cookie: string, id: string) => t.app.inject({ method: 'POST', url: `/api/activities/${id}/withdraw`, headers: { cookie } });

export async function signups(t: TestApp, cookie: string, id: string) {
  const res = await t.app.inject({ url: `/api/activities/${id}/signups`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`signups: ${res.statusCode} ${res.body}`);
  return (res.json() as { items: { accountId: string; status: string; position: number | null; checkedInAt: string | null; checkedOutAt: string | null; checkOutVia: string | null; absent: boolean; noShow: boolean; lateCancel: boolean }[] }).items;
}

/** The code the organiser's phone shows now. */
export async function codeOf(t: TestApp, cookie: string, id: string, purpose: 'in' | 'out' = 'in') {
  const res = await t.app.inject({ url: `/api/activities/${id}/code?purpose=${purpose}`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`code: ${res.statusCode} ${res.body}`);
  return res.json().code as string;
}

export const scan = (t: TestApp, cookie: string, payload: Record<string, unknown>, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url: '/api/activities/check-in', headers: { cookie, 'accept-language': lang }, payload });
