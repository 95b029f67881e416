import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, customType, integer, jsonb, PgDialect, pgEnum, pgSchema, pgTable, pgView, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { describe, expect, it } from 'vitest';
import { needs } from '../../modules/needs/needs.table.js';
import { auditLog } from '../../modules/audit/audit.table.js';
import { regions } from '../scope/regions.table.js';
import { fixedQuery } from './fixed-query.js';
import { buildSqlText, sameQuery, SqlTextMismatchError, useFastSqlText } from './sql-text.js';

const mood = pgEnum('mood', ['calm', 'busy']);
const schemaMood = pgEnum('mood_s', ['a']);
// a column whose driver value is itself SQL (drizzle builds that SQL in place of a parameter)
const point = customType<{ data: [number, number]; driverData: SQL }>({ dataType: () => 'point', toDriver: ([x, y]) => sql`point(${x}, ${y})` });
const things = pgTable('things', { id: uuid('id').primaryKey(), n: integer('n'), label: text('label'), at: timestamp('at', { withTimezone: true }), data: jsonb('data'), mood: mood('mood'), where: point('where') });
const elsewhere = pgSchema('elsewhere');
const items = elsewhere.table('items', { id: uuid('id'), thing: uuid('thing') });
const moodIn = elsewhere.enum('mood_e', ['x']);
const itemView = elsewhere.view('item_view').as((qb) => qb.select({ id: items.id }).from(items));
const thingView = pgView('thing_view').as((qb) => qb.select({ id: things.id }).from(things));
const id = '225fbf01-6865-5f22-9a83-4a8043cd428f';
const db = drizzle.mock();

/** Statements of every shape the app builds: query builders, templates, aliases, CTEs, inlined and raw parts. */
function corpus(): [string, SQL][] {
  const street = alias(regions, 'street');
  const recent = db.$with('recent').as(db.select({ id: needs.id }).from(needs).where(eq(needs.districtId, id)).limit(5));
  const sub = db.select({ id: things.id, total: sql<number>`count(*)`.as('total') }).from(things).groupBy(things.id).as('sub');
  return [
    ['select with join and list', db.select().from(needs).innerJoin(regions, eq(regions.id, needs.regionId)).where(and(eq(needs.districtId, id), inArray(needs.id, [id, id]))).orderBy(desc(needs.createdAt)).limit(20).getSQL()],
    ['aliased table', db.select({ name: street.name, own: regions.name }).from(regions).leftJoin(street, eq(street.id, regions.parentId)).getSQL()],
    ['tables of another schema, aliased', (() => { const other = alias(items, 'other'); return db.select({ a: items.id, b: other.id }).from(items).innerJoin(other, eq(other.thing, items.id)).getSQL(); })()],
    ['aliases written into a template', sql`SELECT 1 FROM ${alias(items, 'o2')}, ${alias(itemView, 'iv')}, ${alias(regions, 'r2')}`],
    ['with-CTE', db.with(recent).select().from(recent).getSQL()],
    ['subquery with aliased field', db.select({ id: sub.id, total: sub.total }).from(sub).getSQL()],
    ['update returning', db.update(needs).set({ status: 'pooled', version: 4, teamId: null, updatedAt: new Date(0) }).where(eq(needs.id, id)).returning({ id: needs.id }).getSQL()],
    ['insert of json, arrays and defaults', db.insert(auditLog).values({ districtId: id, actorId: id, actorName: 'x', actorRoles: ['admin'], action: 'a', objectType: 'need', objectId: id, details: { from: 'a' } }).getSQL()],
    ['insert on conflict', db.insert(things).values({ id, n: 1, mood: 'calm', where: [1, 2] }).onConflictDoUpdate({ target: things.id, set: { n: sql`${things.n} + 1` } }).returning().getSQL()],
    ['delete', db.delete(things).where(and(eq(things.id, id), eq(things.label, "it's"))).getSQL()],
    ['template with columns, tables and values', sql`SELECT ${things.id}, ${null}, ${[1, 2, 3]} FROM ${things} WHERE ${things.at} > ${new Date(0)} AND ${things.data} @> ${JSON.stringify({ a: 1 })}`],
    ['inlined', sql`SELECT ${sql`${'x'} || ${1} || ${true} || ${null} || ${{ a: 1 }} || ${[1, 'b']}`.inlineParams()}, ${2}`],
    ['raw, identifier, join, empty', sql`${sql.raw('SELECT 1')} ${sql.identifier('a"b')} ${sql.join([sql`1`, sql`2`], sql`, `)}${sql.empty()}${undefined}`],
    ['placeholder', db.select().from(things).where(eq(things.id, sql.placeholder('id'))).getSQL()],
    ['enums and views', sql`SELECT ${mood}, ${schemaMood}, ${moodIn}, ${things.mood} FROM ${thingView}, ${itemView}`],
    ['a sparse list (a hole is an empty item)', (() => { const holey: number[] = []; holey[0] = 1; holey[2] = 3; return sql`SELECT ${holey}, ${new Array<number>(2)}`; })()],
    ['a wrapper of its own', sql`SELECT ${{ getSQL: () => sql`1 + ${2}` }}, ${{ getSQL: () => sql`3`, shouldOmitSQLParens: () => true }}`],
  ];
}

describe('sql-text: statements built as drizzle builds them', () => {
  const drizzles = new PgDialect();

  it('builds every kind of statement to the same text, parameters and typings', () => {
    for (const [label, statement] of corpus()) {
      const ours = buildSqlText(statement, { casing: (drizzles as unknown as { casing: never }).casing, escapeName: drizzles.escapeName, escapeParam: drizzles.escapeParam, escapeString: drizzles.escapeString, prepareTyping: drizzles.prepareTyping.bind(drizzles) });
      const theirs = drizzles.sqlToQuery(statement);
      expect({ label, ...ours }).toEqual({ label, ...theirs });
      expect(sameQuery(ours, theirs), label).toBe(true);
    }
  });

  it('agrees again on the second build, when every class is known', () => {
    const fast = new PgDialect();
    useFastSqlText(fast, { check: true });
    for (let round = 0; round < 2; round++) for (const [label, statement] of corpus()) expect(fast.sqlToQuery(statement), label).toEqual(drizzles.sqlToQuery(statement));
  });

  it('tells apart builds that differ in text, parameters or typings', () => {
    const base = { sql: 'SELECT $1', params: [1], typings: ['none' as const] };
    expect(sameQuery(base, { ...base })).toBe(true);
    expect(sameQuery(base, { ...base, sql: 'SELECT $2' })).toBe(false);
    expect(sameQuery(base, { ...base, params: [2] })).toBe(false);
    expect(sameQuery({ ...base, params: [{}] }, { ...base, params: [{}] })).toBe(false);
    expect(sameQuery(base, { ...base, typings: ['uuid'] })).toBe(false);
    expect(sameQuery(base, { sql: base.sql, params: base.params })).toBe(false);
  });

  it('in check mode, a statement built unlike drizzle fails', () => {
    const fast = new PgDialect();
    const drizzleOwn = fast.sqlToQuery.bind(fast);
    // drizzle's side made to answer differently: the check must notice
    fast.sqlToQuery = (s, source) => ({ ...drizzleOwn(s, source), sql: 'SELECT 2' });
    useFastSqlText(fast, { check: true });
    expect(() => fast.sqlToQuery(sql`SELECT 1`)).toThrow(SqlTextMismatchError);
  });

  it('runs a fixed query prepared from placeholders through the fast builder', async () => {
    const fast = drizzle.mock();
    useFastSqlText((fast as unknown as { dialect: PgDialect }).dialect, { check: true });
    const q = fixedQuery(['id'], (d, p) => d.select({ id: things.id }).from(things).where(eq(things.id, p.id)));
    // the mock has no connection: preparing works, running fails only at the driver
    await expect(q(fast as never, { id })).rejects.toThrow();
  });
});
