import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

describe('OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3 document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('lists every API route the server answers', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const registered = listRoutes(t);
    expect(registered.length).toBeGreaterThan(15);
    for (const r of registered) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });

  it('serves the docs UI', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

/** Every route that is part of the API (docs UI assets and the document itself excluded). */
function listRoutes(t: TestApp): { method: string; url: string }[] {
  return t.app.routeTable.filter(
    (r) => r.method !== 'HEAD' && (r.url.startsWith('/api/') || r.url.endsWith('z')) && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
  );
}
