import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * Repeated statements become named prepared statements on each connection, so PostgreSQL parses and
 * plans them once per connection instead of on every request. Our SQL is built by drizzle with
 * parameters, so the same request sends the same text every time (the session lookup, the need row
 * under lock, the timeline insert, the audit line…): measured with pg_stat_statements, parse and plan
 * were most of PostgreSQL's CPU on the order chain.
 *
 * Only parameterised statements are named (never BEGIN, COMMIT or DDL), and only from their second
 * sighting, so one-off texts (an IN list of a new length, a report) stay unnamed. A connection holds
 * at most `PER_CONNECTION` of them; the texts counted are bounded too. The name is a hash of the text,
 * so every connection and instance names a statement alike, and a name never means two texts.
 */
const PER_CONNECTION = 300;
const COUNTED = 5000;
/** Each text seen lately: how often, and its name (hashed once, not at every run). */
const seen = new Map<string, { count: number; name: string }>();

export function statementName(text: string): string {
  return `lx_${crypto.createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
}

/** This text's sighting (counted now); the sightings are forgotten when they grow too many. */
function sighting(text: string): { count: number; name: string } {
  let s = seen.get(text);
  if (!s) {
    if (seen.size >= COUNTED) seen.clear();
    seen.set(text, (s = { count: 0, name: statementName(text) }));
  }
  s.count++;
  return s;
}

type QueryConfig = { text?: unknown; values?: unknown[]; name?: string; submit?: unknown };

/** Wraps one connection's `query` (pool.on('connect') calls this for each new connection). */
export function prepareRepeatedStatements(client: pg.Client | pg.PoolClient): void {
  const names = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const q = config as QueryConfig | null;
    // drizzle calls query({ text, rowMode, types }, values); a Submittable (a cursor, a stream) passes untouched
    const values = q && typeof q === 'object' ? (q.values ?? rest[0]) : undefined;
    if (q && typeof q === 'object' && typeof q.submit !== 'function' && typeof q.text === 'string' && !q.name && Array.isArray(values) && values.length > 0) {
      const { count, name } = sighting(q.text);
      if (names.has(name) || (names.size < PER_CONNECTION && count >= 2)) {
        names.add(name);
        return query({ ...q, name }, ...rest);
      }
    }
    return query(config, ...rest);
  };
}
