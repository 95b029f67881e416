import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { sample, type Schema } from '../../test/openapi.js';

/*
 * Every endpoint that takes a body is fed three kinds of bad input, derived from its own schema in
 * the OpenAPI document, so a new endpoint is covered the day it lands: a missing required field, a
 * wrong type, an oversize string. Each must be a localised 4xx naming the field — never a 500.
 */

type Operation = { method: string; path: string; body: Schema };

describe.each(backends)('bad input on %s', (backend) => {
  let t: TestApp;
  let cookie: string;
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    cookie = await t.login('districtAdmin');
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody)
        .map(([method, op]) => ({ method: method.toUpperCase(), path, body: op.requestBody!.content['application/json']!.schema })),
    );
  });
  afterAll(() => t.close());

  const call = (op: Operation, payload: unknown, lang = 'zh-CN') =>
    t.app.inject({
      method: op.method as 'POST',
      url: op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' ? t.fx.person.resident1!.id : 'sample')),
      headers: { cookie, 'accept-language': lang, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  it('finds the endpoints that take a body', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
  });

  it('a missing required field is a 400 naming it, in Chinese and in English', async () => {
    for (const op of operations.filter((o) => o.body.required?.length)) {
      const zh = await call(op, {});
      expect(zh.statusCode, `${op.method} ${op.path}`).toBe(400);
      expect(zh.json()).toMatchObject({ code: 'validation.required', field: op.body.required![0] });
      expect(zh.json().message).toContain('缺少必填字段');
      const en = await call(op, {}, 'en-US,en;q=0.9');
      expect(en.json().message).toContain('Missing required field');
    }
  });

  it('a wrong type is a 400 naming the field', async () => {
    for (const op of operations) {
      for (const [field, prop] of Object.entries(op.body.properties ?? {})) {
        const wrong = prop.type === 'string' || prop.anyOf ? 12345 : 'not-a-' + (prop.type ?? 'value');
        const res = await call(op, { ...(sample(op.body) as object), [field]: wrong });
        expect(res.statusCode, `${op.method} ${op.path} ${field}`).toBe(400);
        expect(res.json().field, `${op.method} ${op.path} ${field}`).toBe(field);
      }
    }
  });

  it('an oversize string is a 400 naming the field', async () => {
    let limits = 0;
    for (const op of operations) {
      for (const [field, prop] of Object.entries(op.body.properties ?? {})) {
        if (prop.type !== 'string' || !prop.maxLength) continue;
        const res = await call(op, { ...(sample(op.body) as object), [field]: '长'.repeat(prop.maxLength + 1) });
        expect(res.statusCode, `${op.method} ${op.path} ${field}`).toBe(400);
        expect(res.json().field).toBe(field);
        // the limit for a form to say under its own field (web lib/field-message.ts)
        if (res.json().code !== 'validation.maxLength') continue;
        expect([field, res.json().details]).toEqual([field, { limit: prop.maxLength }]);
        limits++;
      }
    }
    expect(limits).toBeGreaterThan(20);
  });

  it('a control character (NUL …) in any string field of any body is a 400 naming the field, never a 500', async () => {
    let checked = 0;
    for (const op of operations) {
      for (const [field, prop] of Object.entries(op.body.properties ?? {})) {
        if (prop.type !== 'string') continue;
        const res = await call(op, { ...(sample(op.body) as object), [field]: 'a\u0000b' }, 'en');
        expect(res.statusCode, `${op.method} ${op.path} ${field}`).toBe(400);
        expect(res.json(), `${op.method} ${op.path} ${field}`).toMatchObject({ code: 'validation.control_char', field });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a control character in any query parameter or path id is a 400 naming it', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: Schema }[] }>>;
    };
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const param of op.parameters ?? []) {
          if (param.in === 'query' && param.schema?.type !== 'string') continue;
          const url =
            param.in === 'path'
              ? path.replace(`{${param.name}}`, '%00').replace(/\{(\w+)\}/g, () => t.fx.person.resident1!.id)
              : `${path.replace(/\{(\w+)\}/g, () => t.fx.person.resident1!.id)}?${param.name}=x%00y`;
          const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers: { cookie, 'content-type': 'application/json' }, payload: method === 'get' ? undefined : '{}' });
          expect(res.statusCode, `${method} ${url}`).toBe(400);
          expect(res.json().field, `${method} ${url}`).toBe(param.name);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a field is named for what it is where it is: a person’s name 姓名, a team’s or a region’s 名称', async () => {
    const nameOf = async (path: string, body: object) => {
      const op = operations.find((o) => o.method === 'POST' && o.path === path)!;
      const res = await call(op, { ...(sample(op.body) as object), ...body });
      expect(res.statusCode, path).toBe(400);
      return res.json().message as string;
    };
    expect(await nameOf('/api/accounts', { name: '' })).toContain('姓名 (name)');
    expect(await nameOf('/api/teams', { name: 12345 })).toContain('名称 (name)');
    expect(await nameOf('/api/regions', { name: 12345 })).toContain('名称 (name)');
    expect(await nameOf('/api/partner-units', { name: '单位', contact: { name: 12345, phone: '13900000000' } })).toContain('联系人姓名 (contact.name)');
    expect(await nameOf('/api/auth/register', { name: 12345 })).toContain('姓名 (name)');
  });

  it('unknown fields are refused, not silently assigned (no mass assignment)', async () => {
    for (const op of operations) {
      const res = await call(op, { ...(sample(op.body) as object), status: 'active', role: 'districtAdmin', regionIdX: 'x' });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(400);
    }
  });

  it('broken JSON, wrong query types and unknown routes are clean 4xx JSON', async () => {
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"phone":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('request.invalid_json');
    const query = await t.app.inject({ url: '/api/accounts?pageSize=abc', headers: { cookie, 'accept-language': 'en' } });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ field: 'pageSize', message: expect.stringContaining('pageSize') });
    const tooMany = await t.app.inject({ url: '/api/accounts?pageSize=100000', headers: { cookie } });
    expect(tooMany.json()).toMatchObject({ code: 'validation.maximum', field: 'pageSize' });
    const badId = await t.app.inject({ url: '/api/regions/not-a-uuid', headers: { cookie } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().field).toBe('id');
    const nowhere = await t.app.inject({ url: '/api/nowhere', headers: { 'accept-language': 'en' } });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toEqual({ code: 'route.not_found', message: 'No such endpoint' });
  });

  it('never leaks a stack trace', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/at .*\.js:\d+/);
  });
});
