import type pg from 'pg';

/*
 * Which statements change something, as the connection sees them: what keeps a copy of rows in memory
 * (the signed-in callers, platform/auth/session-cache.ts) is told after each change this process
 * commits, and only then — a transaction that only read (the jobs' poll, every second) tells nobody.
 */

const WRITE = /^\s*(insert|update|delete|truncate|merge)\b/i;
/** A session's "last seen" touch: once a minute per user, and nobody keeps a copy of it. */
const TOUCH = /^\s*update\s+"sessions"\s+set\s+"last_seen_at"\s*=\s*\$1\s+where\b/i;
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const COMMIT = /^\s*(commit|end)\b/i;
const ROLLBACK = /^\s*rollback\s*$/i;

export function isWrite(text: string): boolean {
  return WRITE.test(text) && !TOUCH.test(text);
}

function textOf(query: unknown): string | undefined {
  if (typeof query === 'string') return query;
  const text = query && typeof query === 'object' ? (query as { text?: unknown }).text : undefined;
  return typeof text === 'string' ? text : undefined;
}

/**
 * Wraps one connection's `query` (pool.on('connect') calls this for each new connection): `wrote` is
 * called when a write outside a transaction is done, or when a transaction that wrote commits — before
 * the statement's caller goes on.
 */
export function watchWrites(client: pg.Client | pg.PoolClient, wrote: () => void): void {
  let inTransaction = false;
  let dirty = false;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const text = textOf(config);
    let tell = false;
    if (text === undefined) {
      // a cursor or a stream: not ours to follow
    } else if (BEGIN.test(text)) {
      inTransaction = true;
      dirty = false;
    } else if (COMMIT.test(text)) {
      tell = dirty;
      inTransaction = dirty = false;
    } else if (ROLLBACK.test(text)) {
      inTransaction = dirty = false;
    } else if (isWrite(text)) {
      if (inTransaction) dirty = true;
      else tell = true;
    }
    if (!tell) return query(config, ...rest);
    // the pool's own `query` passes a callback; a checked-out client's caller awaits the promise
    const last = rest.length - 1;
    if (typeof rest[last] === 'function') {
      const callback = rest[last] as (err: unknown, res: unknown) => void;
      rest[last] = (err: unknown, res: unknown) => {
        if (!err) wrote();
        callback(err, res);
      };
      return query(config, ...rest);
    }
    const result = query(config, ...rest);
    return result instanceof Promise ? result.then((r: unknown) => (wrote(), r)) : result;
  };
}
