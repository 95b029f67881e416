import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installValidators } from './validation.js';

/** An app with one route whose body schema is `schema`, validated the product's way. */
async function appWith(schema: object) {
  const app = Fastify();
  installValidators(app);
  app.post('/x', { schema: { body: schema } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('validators shared by the apps of one process', () => {
  it('validate each app by its own schema, the same text reusing what was compiled', async () => {
    const numbers = await appWith({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false });
    const again = await appWith({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false });
    const words = await appWith({ type: 'object', properties: { n: { type: 'string' } }, required: ['n'], additionalProperties: false });
    for (const app of [numbers, again]) {
      expect((await app.inject({ method: 'POST', url: '/x', payload: { n: 1 } })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/x', payload: { n: 'one' } })).statusCode).toBe(400);
    }
    expect((await words.inject({ method: 'POST', url: '/x', payload: { n: 'one' } })).statusCode).toBe(200);
    expect((await words.inject({ method: 'POST', url: '/x', payload: { n: 1 } })).statusCode).toBe(400);
    await Promise.all([numbers, again, words].map((app) => app.close()));
  });

  it('let an app use an $id another app gave a different schema (as with an Ajv per app)', async () => {
    const first = await appWith({ $id: 'Shared', type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] });
    const second = await appWith({ $id: 'Shared', type: 'object', properties: { b: { type: 'integer' } }, required: ['b'] });
    expect((await first.inject({ method: 'POST', url: '/x', payload: { a: 1 } })).statusCode).toBe(200);
    expect((await second.inject({ method: 'POST', url: '/x', payload: { b: 1 } })).statusCode).toBe(200);
    expect((await second.inject({ method: 'POST', url: '/x', payload: { a: 1 } })).statusCode).toBe(400);
    await Promise.all([first, second].map((app) => app.close()));
  });
});
