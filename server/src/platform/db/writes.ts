import type pg from 'pg';

/*
 * Which statements change what an instance keeps in memory: the signed-in callers
 * (platform/auth/session-cache.ts) are made of `accounts`, `sessions` and `regions`. After each change
 * to one of them that this process commits, `Database.afterWrite` is told — and only then: the order
 * chain's commits, or the jobs' poll every second, tell nobody. The same tables' triggers tell the
 * other instances (migration 0031).
 */

/** A write to one of the kept tables, wherever it stands in the statement (a CTE's UPDATE too). */
const KEPT_WRITE = /\b(insert\s+into|update(\s+only)?|delete\s+from(\s+only)?|truncate(\s+table)?(\s+only)?|merge\s+into|copy)\s+("?\w+"?\.)?"?(accounts|sessions|regions)"?(\s|$|\(|;)/i;
/** A session's "last seen" touch: once a minute per user, and nobody keeps a copy of it. */
const TOUCH = /^\s*update\s+"sessions"\s+set\s+"last_seen_at"\s*=\s*\$1\s+where\b/i;
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const COMMIT = /^\s*(commit|end)\b/i;
/** The end of the transaction, not of a savepoint (`rollback to savepoint x`: the transaction goes on). */
const ROLLBACK = /^\s*(rollback|abort)(\s+(work|transaction))?\s*;?\s*$/i;

/** Whether this statement may change a kept table (the session touch aside). */
export function isWrite(text: string): boolean {
  return KEPT_WRITE.test(text) && !TOUCH.test(text);
}

/** The SQL text of a `query` call's first argument (a string or a config), if it has one. */
export function textOf(query: unknown): string | undefined {
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
