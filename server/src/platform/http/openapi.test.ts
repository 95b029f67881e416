import fs from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { committedDocumentPath, renderDocument } from '../../test/openapi-document.js';

type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> };
type Doc = { paths: Record<string, Record<string, Operation>> };
const operations = (doc: Doc) => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

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

  it('names every operation with its own operationId, so generated clients get real names', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as Doc;
    const ops = operations(doc);
    expect(ops.filter(({ op }) => !op.operationId).map(({ key }) => key)).toEqual([]);
    const seen = new Map<string, string>();
    const clashes = ops.flatMap(({ key, op }) => {
      const other = seen.get(op.operationId!);
      seen.set(op.operationId!, key);
      return other ? [`${op.operationId}: ${other} and ${key}`] : [];
    });
    expect(clashes).toEqual([]);
    expect(seen.get('dispatchNeed')).toBe('POST /api/needs/{id}/dispatch');
  });

  it('documents the error replies with the one ErrorBody schema', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as Doc;
    const errorRef = (op: Operation, status: string) => op.responses[status]?.content?.['application/json']?.schema.$ref;
    for (const { key, op } of operations(doc)) {
      for (const status of Object.keys(op.responses).filter((s) => s.startsWith('4'))) expect(errorRef(op, status), `${key} ${status}`).toBe('#/components/schemas/ErrorBody');
    }
    const at = (key: string) => operations(doc).find((o) => o.key === key)!.op;
    // a session route answers 401, a public one does not; an id in the path may be out of reach (404)
    expect(Object.keys(at('GET /api/needs/{id}').responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    expect(Object.keys(at('POST /api/needs/{id}/grab').responses)).toEqual(expect.arrayContaining(['409', '429']));
    expect(Object.keys(at('GET /api/public/regions').responses)).not.toContain('401');
    expect(at('GET /api/public/regions').security).toEqual([]);
  });

  it('is the committed server/openapi.json, so an API change shows in review', async () => {
    const served = renderDocument((await t.app.inject({ url: '/api/openapi.json' })).json());
    const committed = fs.existsSync(committedDocumentPath) ? fs.readFileSync(committedDocumentPath, 'utf8') : '';
    const lines = [served.split('\n'), committed.split('\n')] as const;
    const first = lines[0].findIndex((line, i) => line !== lines[1][i]);
    const where = first < 0 ? '' : ` (first difference at line ${first + 1}: served ${JSON.stringify(lines[0][first])}, committed ${JSON.stringify(lines[1][first] ?? '')})`;
    expect(served === committed, `server/openapi.json differs from the served document${where}: run \`npm run openapi:write\` and commit it`).toBe(true);
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
