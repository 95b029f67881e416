import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db/client.js';

/** PostgreSQL type of a column as sent: each column travels as ONE array parameter of this type. */
export type ColumnType = 'uuid' | 'text' | 'int4' | 'float8' | 'numeric' | 'bool' | 'timestamptz' | 'jsonb';
export type ColumnSpec = Record<string, ColumnType>;
export type Row<S extends ColumnSpec> = { [K in keyof S]?: string | number | boolean | null };

/**
 * A column-wise buffer for one table, written with
 *   INSERT INTO t (a, b, …) SELECT * FROM unnest($1::uuid[], $2::text[], …)
 * — one parameter per column instead of one per value, so a statement of 5,000 rows is parsed and
 * bound as fast as one of 50. Measured on PGlite it is ~3× the speed of multi-row VALUES with
 * parameters, and it works unchanged on node-postgres. Timestamps are ISO strings, jsonb JSON text.
 */
export type Sink<S extends ColumnSpec> = {
  push(row: Row<S>): void;
  readonly pending: number;
  readonly written: number;
  /** Writes what is pending; with `returning`, gives that column of the rows actually written. */
  flush(): Promise<string[]>;
};

/**
 * `skipExisting`: rows whose key is taken are left out (ON CONFLICT DO NOTHING), for work that may run
 * again; `returning`: a column of the rows written, so work that goes with a row is done once with it.
 */
export function createSink<S extends ColumnSpec>(tx: Tx, table: string, spec: S, opts: { skipExisting?: boolean; returning?: keyof S & string } = {}): Sink<S> {
  const names = Object.keys(spec);
  let columns: unknown[][] = names.map(() => []);
  let written = 0;
  const target = sql.join(names.map((n) => sql.identifier(n)), sql`, `);
  return {
    push(row) {
      for (let i = 0; i < names.length; i++) columns[i]!.push(row[names[i]!] ?? null);
    },
    get pending() {
      return columns[0]!.length;
    },
    get written() {
      return written;
    },
    async flush() {
      const count = columns[0]!.length;
      if (count === 0) return [];
      const arrays = names.map((n, i) => sql`${sql.param(columns[i])}::${sql.raw(spec[n]!)}[]`);
      columns = names.map(() => []);
      const skip = opts.skipExisting ? sql` ON CONFLICT DO NOTHING` : sql``;
      const back = opts.returning ? sql` RETURNING ${sql.identifier(opts.returning)}::text AS v` : sql``;
      const rows = await queryRows<{ v: string }>(tx, sql`INSERT INTO ${sql.identifier(table)} (${target}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})${skip}${back}`);
      written += count;
      return rows.map((r) => r.v);
    },
  };
}
