import { Column, getTableName, is, SQL, Subquery } from 'drizzle-orm';

/*
 * drizzle's result mapping (`mapResultRow`, drizzle-orm/utils.js), worked out once per statement instead
 * of once per field of every row. drizzle looks at each selected field again on each row — which kind of
 * field it is (`is()`, a walk up its prototypes) and where its value goes (an iterator over its path) —
 * to find the same decoder and path every time: in a sequence of the order chain's requests that was 5 %
 * of the server's CPU, most of it for the need's fifty columns. A statement of fixed shape
 * (fixed-query.ts) selects the same fields on every run, so they are looked at once, here.
 *
 * The result is drizzle's: the same paths and decoders, and a joined table whose every column came back
 * null mapped to null unless the join cannot produce that (its `joinsNotNullableMap`).
 */

/** A selected field as drizzle's prepared query keeps it. */
export type SelectedField = { path: string[]; field: unknown };
type Decoder = { mapFromDriverValue(value: unknown): unknown };
type Row = Record<string, unknown>;

/** An SQL piece's decoder (`mapWith`; internal to drizzle 0.45, as mapResultRow reads it). */
const decoderOfSql = (piece: SQL): Decoder => (piece as unknown as { decoder: Decoder }).decoder;

/** The decoder drizzle would pick for a field (mapResultRow's first step). */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return decoderOfSql(field);
  if (is(field, Subquery)) return decoderOfSql((field._ as unknown as { sql: SQL }).sql);
  return decoderOfSql((field as { sql: SQL }).sql);
}

/** Maps rows as drizzle's mapResultRow maps each of them, with the fields looked at once. */
export function rowMapper(fields: readonly SelectedField[], joinsNotNullableMap?: Record<string, boolean>): (rows: unknown[][]) => Row[] {
  const columns = fields.map(({ path, field }) => ({
    parents: path.slice(0, -1),
    key: path[path.length - 1]!,
    decoder: decoderOf(field),
    // a column of a joined table (path [table, column]): its nulls may make the whole object null
    joinedTable: joinsNotNullableMap && is(field, Column) && path.length === 2 ? { object: path[0]!, table: getTableName(field.table) } : undefined,
  }));
  const mapRow = (row: unknown[]): Row => {
    const result: Row = {};
    const nullify: Record<string, string | false> = {};
    for (let i = 0; i < columns.length; i++) {
      const { parents, key, decoder, joinedTable } = columns[i]!;
      let node = result;
      for (const chunk of parents) {
        if (!(chunk in node)) node[chunk] = {};
        node = node[chunk] as Row;
      }
      const raw = row[i];
      const value = (node[key] = raw === null ? null : decoder.mapFromDriverValue(raw));
      if (joinedTable) {
        const { object, table } = joinedTable;
        if (!(object in nullify)) nullify[object] = value === null ? table : false;
        else if (typeof nullify[object] === 'string' && nullify[object] !== table) nullify[object] = false;
      }
    }
    if (joinsNotNullableMap) {
      for (const [object, table] of Object.entries(nullify)) if (typeof table === 'string' && !joinsNotNullableMap[table]) result[object] = null;
    }
    return result;
  };
  return (rows) => rows.map(mapRow);
}
