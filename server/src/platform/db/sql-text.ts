import {
  Column,
  is,
  Name,
  Param,
  Placeholder,
  SQL,
  StringChunk,
  Subquery,
  Table,
  View,
  ViewBaseConfig,
  isSQLWrapper,
  type BuildQueryConfig,
  type QueryTypingsValue,
  type QueryWithTypings,
} from 'drizzle-orm';
import { isPgEnum, type PgDialect } from 'drizzle-orm/pg-core';

/*
 * Turns drizzle's SQL trees into statement text the way drizzle does (`SQL.toQuery`), at a fraction of
 * its cost. Drizzle asks of every piece of a statement "is it a StringChunk? a Name? … a Param?" with
 * `is()`, and every "no" walks the piece's class chain; every parameter then asks six more such
 * questions of its column to name its type (`prepareTyping`). On the order chain building text was about
 * 14 % of the server's CPU for a transition (bench:orders' profile: `is` alone 9 %), spent to produce the same
 * text each time. Here a piece's kind is looked up by its class, answered once per class with drizzle's
 * own `is()` in drizzle's own order; what is emitted for each kind is drizzle's code, line for line.
 *
 * Installed on a database's dialect (`useFastSqlText`), so every statement — query builders, `sql`
 * templates, transactions — is built here. With `check`, each statement is also built by drizzle and
 * the two must agree (the test suites run so: any statement the app sends, built both ways).
 */

// drizzle's keys on a table object (table.js, table.utils.js), public at run time but not in its types
const TABLE_SCHEMA = Symbol.for('drizzle:Schema');
const TABLE_NAME = Symbol.for('drizzle:Name');
const IS_ALIAS = Symbol.for('drizzle:IsAlias');
type TableKeys = { [TABLE_SCHEMA]?: string; [TABLE_NAME]: string; [IS_ALIAS]?: boolean };
/** `sql.inlineParams()` was called on it (a private field in drizzle's types). */
const inlines = (s: SQL) => (s as unknown as { shouldInlineParams: boolean }).shouldInlineParams;

const enum Kind {
  String,
  Name,
  Sql,
  Table,
  Column,
  View,
  Param,
  Placeholder,
  Aliased,
  Subquery,
  /** Anything else: an enum, another wrapper (getSQL), or a value bound as a parameter. */
  Other,
}

/**
 * `answer` asked once per class of the values given: `is()` looks at a value's class chain only, so its
 * answers (a piece's kind, a column's type name) hold for the whole class.
 */
function perClass<V extends object, T>(answer: (value: V) => T): (value: V) => T {
  // held weakly: a class made at run time (none today) goes with its answer
  const known = new WeakMap<object, T>();
  return (value) => {
    const cls = (Object.getPrototypeOf(value) as { constructor?: object } | null)?.constructor;
    let found = cls && known.get(cls);
    if (found === undefined) {
      found = answer(value);
      if (cls !== undefined) known.set(cls, found);
    }
    return found;
  };
}

/** Drizzle's order of questions (sql.js buildQueryFromSourceParams), asked once per class. */
function classify(chunk: object): Kind {
  if (is(chunk, StringChunk)) return Kind.String;
  if (is(chunk, Name)) return Kind.Name;
  if (is(chunk, SQL)) return Kind.Sql;
  if (is(chunk, Table)) return Kind.Table;
  if (is(chunk, Column)) return Kind.Column;
  if (is(chunk, View)) return Kind.View;
  if (is(chunk, Param)) return Kind.Param;
  if (is(chunk, Placeholder)) return Kind.Placeholder;
  if (is(chunk, SQL.Aliased)) return Kind.Aliased;
  if (is(chunk, Subquery)) return Kind.Subquery;
  return Kind.Other;
}

/** An object's kind, by its class. */
const kindOf = perClass(classify);

const isPlaceholder = (value: unknown) => value instanceof Placeholder || (typeof value === 'object' && value !== null && kindOf(value) === Kind.Placeholder);
const isSql = (value: unknown) => value instanceof SQL || (typeof value === 'object' && value !== null && kindOf(value) === Kind.Sql);

type Out = { sql: string; params: unknown[]; typings: QueryTypingsValue[] | undefined };
type Config = BuildQueryConfig & { inlineParams: boolean; paramStartIndex: { value: number } };

function param(out: Out, config: Config, value: unknown, typing: QueryTypingsValue): void {
  out.sql += config.escapeParam(config.paramStartIndex.value++, value);
  out.params.push(value);
  (out.typings ??= []).push(typing);
}

function emitAll(out: Out, chunks: readonly unknown[], config: Config, root: SQL): void {
  for (let i = 0; i < chunks.length; i++) emit(out, chunks[i], config, root);
}

function emit(out: Out, chunk: unknown, config: Config, root: SQL): void {
  if (chunk === undefined) return;
  if (Array.isArray(chunk)) {
    out.sql += '(';
    // every index, holes of a sparse array too (drizzle writes them as empty items)
    for (let i = 0; i < chunk.length; i++) {
      emit(out, chunk[i], config, root);
      if (i < chunk.length - 1) out.sql += ', ';
    }
    out.sql += ')';
    return;
  }
  const kind = typeof chunk === 'object' && chunk !== null ? kindOf(chunk) : Kind.Other;
  switch (kind) {
    case Kind.String:
      out.sql += (chunk as StringChunk).value.join('');
      return;
    case Kind.Name:
      out.sql += config.escapeName((chunk as Name).value);
      return;
    case Kind.Sql: {
      const inner = chunk as SQL;
      emitAll(out, inner.queryChunks, config.inlineParams || !inlines(inner) ? config : { ...config, inlineParams: true }, root);
      return;
    }
    case Kind.Table: {
      const table = chunk as TableKeys;
      const schema = table[TABLE_SCHEMA];
      const name = table[TABLE_NAME];
      out.sql += schema === undefined || table[IS_ALIAS] ? config.escapeName(name) : config.escapeName(schema) + '.' + config.escapeName(name);
      return;
    }
    case Kind.Column: {
      const column = chunk as Column;
      const name = config.casing.getColumnCasing(column);
      if (config.invokeSource === 'indexes') {
        out.sql += config.escapeName(name);
        return;
      }
      const table = column.table as unknown as TableKeys;
      const schema = table[TABLE_SCHEMA];
      const tableName = table[TABLE_NAME];
      out.sql += table[IS_ALIAS] || schema === undefined ? config.escapeName(tableName) + '.' + config.escapeName(name) : config.escapeName(schema) + '.' + config.escapeName(tableName) + '.' + config.escapeName(name);
      return;
    }
    case Kind.View: {
      const view = (chunk as unknown as Record<symbol, { schema?: string; name: string; isAlias: boolean }>)[ViewBaseConfig]!;
      out.sql += view.schema === undefined || view.isAlias ? config.escapeName(view.name) : config.escapeName(view.schema) + '.' + config.escapeName(view.name);
      return;
    }
    case Kind.Param: {
      const p = chunk as Param;
      if (isPlaceholder(p.value)) return param(out, config, p, 'none');
      const mapped = p.value === null ? null : p.encoder.mapToDriverValue(p.value);
      if (isSql(mapped)) return emit(out, mapped, config, root);
      if (config.inlineParams) {
        out.sql += inline(root, mapped, config);
        return;
      }
      return param(out, config, mapped, config.prepareTyping ? config.prepareTyping(p.encoder) : 'none');
    }
    case Kind.Placeholder:
      return param(out, config, chunk, 'none');
    case Kind.Aliased:
      if ((chunk as SQL.Aliased).fieldAlias !== undefined) {
        out.sql += config.escapeName((chunk as SQL.Aliased).fieldAlias);
        return;
      }
      break;
    case Kind.Subquery: {
      const sub = (chunk as unknown as { _: { isWith: boolean; alias: string; sql: SQL } })._;
      if (sub.isWith) {
        out.sql += config.escapeName(sub.alias);
        return;
      }
      out.sql += '(';
      emit(out, sub.sql, config, root);
      out.sql += ') ' + config.escapeName(sub.alias);
      return;
    }
  }
  if (isPgEnum(chunk)) {
    out.sql += chunk.schema ? config.escapeName(chunk.schema) + '.' + config.escapeName(chunk.enumName) : config.escapeName(chunk.enumName);
    return;
  }
  if (isSQLWrapper(chunk)) {
    const wrapper = chunk as { getSQL(): SQL; shouldOmitSQLParens?: () => boolean };
    if (wrapper.shouldOmitSQLParens?.()) return emit(out, wrapper.getSQL(), config, root);
    out.sql += '(';
    emit(out, wrapper.getSQL(), config, root);
    out.sql += ')';
    return;
  }
  if (config.inlineParams) {
    out.sql += inline(root, chunk, config);
    return;
  }
  param(out, config, chunk, 'none');
}

/** A value written into the text (`sql.raw`-like inlining): drizzle's own method, which is private. */
function inline(root: SQL, value: unknown, config: Config): string {
  return (root as unknown as { mapInlineParam(v: unknown, c: BuildQueryConfig): string }).mapInlineParam(value, config);
}

/** What `sql.toQuery(config)` answers, built here. */
export function buildSqlText(sql: SQL, config: BuildQueryConfig): QueryWithTypings {
  const full: Config = { ...config, inlineParams: config.inlineParams || inlines(sql), paramStartIndex: config.paramStartIndex || { value: 0 } };
  const out: Out = { sql: '', params: [], typings: undefined };
  emitAll(out, sql.queryChunks, full, sql);
  return out.typings ? { sql: out.sql, params: out.params, typings: out.typings } : { sql: out.sql, params: out.params };
}

/** Whether two builds of a statement agree: the same text, the very same parameters, the same typings. */
export function sameQuery(a: QueryWithTypings, b: QueryWithTypings): boolean {
  if (a.sql !== b.sql || a.params.length !== b.params.length || a.params.some((p, i) => p !== b.params[i])) return false;
  return JSON.stringify(a.typings) === JSON.stringify(b.typings);
}

export class SqlTextMismatchError extends Error {
  constructor(ours: QueryWithTypings, drizzles: QueryWithTypings) {
    super(`sql-text.ts built a statement unlike drizzle:\n  ours:    ${ours.sql}\n  drizzle: ${drizzles.sql}\n  (${ours.params.length} / ${drizzles.params.length} parameters)`);
    this.name = 'SqlTextMismatchError';
  }
}

/**
 * Builds this dialect's statements here from now on. Its type names of parameters (`prepareTyping`,
 * six `is()` questions of a column each time) are remembered per column class as well.
 */
export function useFastSqlText(dialect: PgDialect, opts: { check?: boolean } = {}): void {
  const prepareTyping: (encoder: Parameters<PgDialect['prepareTyping']>[0]) => QueryTypingsValue = perClass(dialect.prepareTyping.bind(dialect));
  const drizzles = dialect.sqlToQuery.bind(dialect);
  const d = dialect as unknown as { casing: BuildQueryConfig['casing'] };
  dialect.sqlToQuery = (sql, invokeSource) => {
    const built = buildSqlText(sql, { casing: d.casing, escapeName: dialect.escapeName, escapeParam: dialect.escapeParam, escapeString: dialect.escapeString, prepareTyping, invokeSource });
    if (opts.check) {
      const theirs = drizzles(sql, invokeSource);
      if (!sameQuery(built, theirs)) throw new SqlTextMismatchError(built, theirs);
    }
    return built;
  };
}
