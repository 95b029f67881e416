import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Child rows as one JSON column of the parent's query — `(SELECT json_agg(…) FROM child WHERE …)` —
 * so a parent and its children come back in one round trip instead of two. `where` and `orderBy`
 * are written against the child's own columns (`${table.col}`); `extra` adds computed keys per child.
 * Decode with `decodeJsonRows`.
 *
 * Read with care inside `SELECT … FOR UPDATE`: the subquery sees the statement's snapshot, not the
 * rows committed while it waited for the lock (needs.access.ts `lockedNeed` checks the parent's
 * version in that snapshot, and reads the children again when it moved).
 */
export function jsonRows(table: PgTable, where: SQL, orderBy?: SQL, extra: Record<string, SQL> = {}): SQL<unknown[]> {
  const fields = Object.entries(getTableColumns(table)).map(([key, col]) => sql`${sql.raw(`'${key}'`)}, ${sql.identifier(getTableName(table))}.${sql.identifier(col.name)}`);
  // extra keys: values computed per child row (a name looked up for it)
  for (const [key, value] of Object.entries(extra)) fields.push(sql`${sql.raw(`'${key.replace(/[^A-Za-z0-9_]/g, '')}'`)}, ${value}`);
  const order = orderBy ? sql` ORDER BY ${orderBy}` : sql``;
  return sql<unknown[]>`(SELECT coalesce(json_agg(json_build_object(${sql.join(fields, sql`, `)})${order}), '[]'::json) FROM ${table} WHERE ${where})`;
}

/** The rows of a `jsonRows` column as drizzle would have read them (timestamps as Date). */
export function decodeJsonRows<T extends PgTable>(table: T, value: unknown): T['$inferSelect'][] {
  const dates = Object.entries(getTableColumns(table))
    .filter(([, col]) => col.columnType === 'PgTimestamp')
    .map(([key]) => key);
  const rows = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>[];
  for (const row of rows) for (const key of dates) if (row[key] != null) row[key] = new Date(row[key] as string);
  return rows as T['$inferSelect'][];
}
