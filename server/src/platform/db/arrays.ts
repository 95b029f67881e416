import { sql, type SQL } from 'drizzle-orm';

/** PostgreSQL element types sent as one array parameter. */
export type ArrayType = 'uuid' | 'text' | 'int4' | 'int2' | 'numeric' | 'date' | 'timestamptz' | 'bool';

/**
 * A column of values as ONE parameter (`$1::uuid[]`), for `unnest(…)`: a statement over 5,000 rows
 * is parsed and bound like one over 5, where a VALUES list would carry 5,000 × columns parameters
 * (slower to build, to send and to plan).
 */
export function arrayOf(values: readonly unknown[], type: ArrayType): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/** `unnest($1::t1[], $2::t2[], …) AS alias(c1, c2, …)`: rows from columns of equal length. */
export function unnestRows(alias: string, columns: Record<string, [values: readonly unknown[], type: ArrayType]>): SQL {
  const names = Object.keys(columns);
  return sql`unnest(${sql.join(names.map((n) => arrayOf(columns[n]![0], columns[n]![1])), sql`, `)}) AS ${sql.identifier(alias)}(${sql.join(names.map((n) => sql.identifier(n)), sql`, `)})`;
}
