import type pg from 'pg';
import { districtOfWrites } from './write-district.js';

/*
 * Which tables a statement changes, so that what an instance keeps in memory is let go of after this
 * process commits a change to what it was read from (`Database.afterWrite`, platform/db/change-cache.ts):
 * the signed-in callers are made of `accounts`, `sessions` and `regions`, so the order chain's commits,
 * or the jobs' poll every second, do not let go of them; a need's page is made of the need's tables.
 * The same tables' triggers tell the other instances (migrations 0031, 0034). A commit is told with the
 * district its writes were made for (write-district.ts), when every write in it named the same one; a
 * write outside a transaction names none.
 */

/** A write to a table, wherever it stands in the statement (a CTE's UPDATE too); group 1 is its name. */
const WRITE = /\b(?:insert\s+into|update(?:\s+only)?|delete\s+from(?:\s+only)?|truncate(?:\s+table)?(?:\s+only)?|merge\s+into|copy)\s+(?:"?\w+"?\.)?"?(\w+)"?(?=\s|$|\(|\)|,|;)/gi;
/** A session's "last seen" touch: once a minute per user, and nobody keeps a copy of it. */
const TOUCH = /^\s*update\s+"sessions"\s+set\s+"last_seen_at"\s*=\s*\$1\s+where\b/i;
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const COMMIT = /^\s*(commit|end)\b/i;
/** The end of the transaction, not of a savepoint (`rollback to savepoint x`: the transaction goes on). */
const ROLLBACK = /^\s*(rollback|abort)(\s+(work|transaction))?\s*;?\s*$/i;

const none: readonly string[] = [];
/** Statements repeat (drizzle builds the same text for the same request): each text is looked at once. */
const known = new Map<string, readonly string[]>();

/**
 * The tables this statement may change, in lower case (`FOR UPDATE OF`, `DO UPDATE SET` and the like
 * add words no table is named); none for the session's "last seen" touch.
 */
export function writtenTables(text: string): readonly string[] {
  let tables = known.get(text);
  if (tables) return tables;
  tables = TOUCH.test(text) ? none : [...new Set(Array.from(text.matchAll(WRITE), (m) => m[1]!.toLowerCase()))];
  if (tables.length === 0) tables = none;
  if (known.size >= 2000) known.clear();
  known.set(text, tables);
  return tables;
}

/** The SQL text of a `query` call's first argument (a string or a config), if it has one. */
export function textOf(query: unknown): string | undefined {
  if (typeof query === 'string') return query;
  const text = query && typeof query === 'object' ? (query as { text?: unknown }).text : undefined;
  return typeof text === 'string' ? text : undefined;
}

/**
 * Wraps one connection's `query` (pool.on('connect') calls this for each new connection): `wrote` is
 * told the tables written when a write outside a transaction is done, or when a transaction that wrote
 * commits — before the statement's caller goes on — and the district written for, if one is named.
 */
export function watchWrites(client: pg.Client | pg.PoolClient, wrote: (tables: Iterable<string>, district?: string) => void): void {
  let inTransaction = false;
  const dirty = new Set<string>();
  // the district the transaction's writes were made for: none yet (undefined), or none to name (null: unnamed, or several)
  let writer: string | null | undefined;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const text = textOf(config);
    let tell = false;
    let told: readonly string[] = none;
    let district: string | undefined;
    if (text === undefined) {
      // a cursor or a stream: not ours to follow
    } else if (BEGIN.test(text)) {
      inTransaction = true;
      dirty.clear();
      writer = undefined;
    } else if (COMMIT.test(text)) {
      tell = dirty.size > 0;
      told = [...dirty];
      district = writer ?? undefined;
      inTransaction = false;
      dirty.clear();
    } else if (ROLLBACK.test(text)) {
      inTransaction = false;
      dirty.clear();
    } else {
      const tables = writtenTables(text);
      if (tables.length && inTransaction) {
        for (const t of tables) dirty.add(t);
        const named = districtOfWrites() ?? null;
        writer = writer === undefined || writer === named ? named : null;
      } else if (tables.length) {
        // a write on its own names no district: the pool may send it from whoever released the
        // connection (pg-pool runs a queued caller's query in the releaser's context)
        tell = true;
        told = tables;
      }
    }
    if (!tell) return query(config, ...rest);
    const tables = told;
    // the pool's own `query` passes a callback; a checked-out client's caller awaits the promise
    const last = rest.length - 1;
    if (typeof rest[last] === 'function') {
      const callback = rest[last] as (err: unknown, res: unknown) => void;
      rest[last] = (err: unknown, res: unknown) => {
        if (!err) wrote(tables, district);
        callback(err, res);
      };
      return query(config, ...rest);
    }
    const result = query(config, ...rest);
    return result instanceof Promise ? result.then((r: unknown) => (wrote(tables, district), r)) : result;
  };
}
