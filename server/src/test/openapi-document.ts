import crypto from 'node:crypto';
import path from 'node:path';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { openDatabase } from '../platform/db/client.js';
import { systemClock } from '../platform/clock/clock.js';

/** Where the committed OpenAPI document lives; `npm run openapi:write` regenerates it. */
export const committedDocumentPath = path.resolve(import.meta.dirname, '../../openapi.json');

/**
 * The document the server serves at /api/openapi.json. Building it needs no data: the database is an
 * empty in-memory PGlite that no request ever reaches.
 */
export async function servedDocument(): Promise<unknown> {
  const database = await openDatabase({ pgliteDir: ':memory:' });
  const config = { ...loadConfig({}), seedDemo: false, webDist: '/nonexistent', fileStore: 'folder' as const, rateStore: 'memory' as const };
  const app = await buildApp({ db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config, clock: systemClock });
  try {
    await app.ready();
    return (await app.inject({ url: '/api/openapi.json' })).json();
  } finally {
    await app.close();
    await database.close();
  }
}

/** Object keys sorted at every level, two-space indent, final newline: a stable text to diff in review. */
export function renderDocument(doc: unknown): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
    }
    return value;
  };
  return `${JSON.stringify(sorted(doc), null, 2)}\n`;
}
