import type { TestApp } from './harness.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export function multipartBody(bytes: Buffer, filename: string, mime: string) {
  const boundary = `----lx${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function uploadPhoto(t: TestApp, cookie: string, bytes = PNG, mime = 'image/png') {
  const { payload, headers } = multipartBody(bytes, 'photo.png', mime);
  return t.app.inject({ method: 'POST', url: '/api/files', headers: { ...headers, cookie }, payload });
}

export async function categoryId(t: TestApp, cookie: string, code: string): Promise<string> {
  const res = await t.app.inject({ url: '/api/need-categories', headers: { cookie } });
  const found = (res.json() as { id: string; code: string }[]).find((c) => c.code === code);
  if (!found) throw new Error(`no category ${code}`);
  return found.id;
}

/** Calls an order action and returns the reply. */
export function act(t: TestApp, cookie: string, id: string, path: string, body: object = {}, lang = 'zh-CN') {
  return t.app.inject({ method: 'POST', url: `/api/needs/${id}/${path}`, headers: { cookie, 'accept-language': lang }, payload: body });
}

/** A resident posts a need in building B1 (光明社区) and gets its id back. */
export async function postNeed(t: TestApp, cookie: string, body: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/needs',
    headers: { cookie },
    payload: {
      kind: 'serviceRequest',
      categoryId: await categoryId(t, cookie, 'elderly.haircut'),
      title: '老人需要上门理发',
      description: '家中老人行动不便，希望志愿者上门理发。',
      regionId: t.fx.region.B1!.id,
      address: '光明1号楼2单元301',
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`post need failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string; number: string; duplicateCount: number };
}
