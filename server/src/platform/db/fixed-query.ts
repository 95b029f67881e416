import { sql, type Placeholder } from 'drizzle-orm';
import { rowMapper, type SelectedField } from './row-mapper.js';
import type { DbOrTx } from './types.js';

/*
 * A statement of fixed shape whose SQL text drizzle builds once per process, not on every call. On the
 * order chain drizzle's query building was about a quarter of a transition's CPU on the event loop:
 * the need's locking select alone took 0.2 ms to build (its fifty columns, each checked and quoted),
 * the detail's 0.27 ms — each time, to produce the same text. Here the query is built once with
 * placeholders (`p.id`), and each call runs that prepared query with its values on the connection
 * of the database or transaction it is given.
 *
 * Only for statements whose text does not depend on the values (no IN list of varying length, no
 * optional filter): such a builder belongs in an ordinary query.
 */

/** The driver's prepared query, as drizzle makes it (`builder._prepare()`, internal to drizzle 0.45). */
type DriverQuery = {
  client: unknown;
  execute(values?: Record<string, unknown>): Promise<unknown>;
  /** What it selects, and how drizzle maps its rows: by `customResultMapper` when one is set, else field by field on every row. */
  fields?: SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: unknown;
};
type Session = { client: unknown; constructor: object };
/** A drizzle query builder (select, insert, update, delete) that can be run or prepared. */
type Buildable<R> = PromiseLike<R> & { _prepare?: (name?: string) => DriverQuery };

export type FixedQuery<K extends string, R> = (db: DbOrTx, values: Record<K, unknown>) => Promise<R>;

export function fixedQuery<K extends string, R>(keys: readonly K[], build: (db: DbOrTx, p: Record<K, Placeholder>) => Buildable<R>): FixedQuery<K, R> {
  const placeholders = Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as unknown as Record<K, Placeholder>;
  // one per driver (node-postgres, in-process PGlite): their prepared queries differ, the text does not
  const built = new Map<object, DriverQuery>();
  return (db, values) => {
    const session = (db as unknown as { session: Session }).session;
    let template = built.get(session.constructor);
    if (!template) {
      const builder = build(db, placeholders);
      if (typeof builder._prepare !== 'function') throw new Error('fixedQuery: the builder cannot be prepared (is it a drizzle query?)');
      template = builder._prepare();
      // its rows mapped by fields looked at once (row-mapper.ts), not again on every row
      if (template.fields && !template.customResultMapper) template.customResultMapper = rowMapper(template.fields, template.joinsNotNullableMap);
      built.set(session.constructor, template);
    }
    // the same prepared text and result mapping, run on this caller's connection (its transaction's)
    const run = Object.create(template) as DriverQuery;
    run.client = session.client;
    return run.execute(values) as Promise<R>;
  };
}
