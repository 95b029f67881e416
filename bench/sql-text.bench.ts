/**
 * Building a statement's text, drizzle's way against platform/db/sql-text.ts: `npm run bench:sql-text`.
 * The statements are a transition's own (the need's update, its audit line, the combined write) and a
 * ledger's page; each is built 3,000 times by each builder, alternately, after a warm-up, in one run.
 * No database: the mock driver only builds.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { needs } from '../server/src/modules/needs/needs.table.js';
import { auditLog } from '../server/src/modules/audit/audit.table.js';
import { regions } from '../server/src/platform/scope/regions.table.js';
import { sameQuery, useFastSqlText } from '../server/src/platform/db/sql-text.js';

const db = drizzle.mock();
const id = '225fbf01-6865-5f22-9a83-4a8043cd428f';
const update = () => db.update(needs).set({ status: 'pooled', version: 4, teamId: null, updatedAt: new Date() }).where(and(eq(needs.districtId, id), eq(needs.id, id), eq(needs.version, 3)));
const audit = () => db.insert(auditLog).values({ districtId: id, actorId: id, actorName: '网格员', actorRoles: ['communityAdmin'], ip: '127.0.0.1', action: 'needs.pool', objectType: 'need', objectId: id, regionId: id, details: { from: 'accepted', to: 'pooled' } });
const statements = () => ({
  'the need update': update().getSQL(),
  'its audit line': audit().getSQL(),
  'the combined write': sql`WITH a0 AS (${audit().getSQL()}), u AS (${update().returning({ districtId: needs.districtId, id: needs.id }).getSQL()}) INSERT INTO need_events (district_id, need_id, seq) SELECT u.district_id, u.id, ${4} FROM u RETURNING seq`,
  'a ledger page': db.select().from(needs).innerJoin(regions, eq(regions.id, needs.regionId)).where(and(eq(needs.districtId, id), inArray(needs.id, [id, id]))).orderBy(desc(needs.createdAt)).limit(20).getSQL(),
});

const drizzles = new PgDialect();
const ours = new PgDialect();
useFastSqlText(ours);
const ROUNDS = 3000;
const spent = new Map<string, { drizzle: number; ours: number }>();
for (const pass of [0, 1, 2]) {
  for (const [name, statement] of Object.entries(statements())) {
    if (!sameQuery(ours.sqlToQuery(statement), drizzles.sqlToQuery(statement))) throw new Error(`${name}: built differently`);
    const time = (dialect: PgDialect) => {
      const t0 = performance.now();
      for (let i = 0; i < ROUNDS; i++) dialect.sqlToQuery(statement);
      return ((performance.now() - t0) * 1000) / ROUNDS;
    };
    const d = time(drizzles);
    const o = time(ours);
    if (pass === 0) continue; // warm-up
    const s = spent.get(name) ?? { drizzle: 0, ours: 0 };
    spent.set(name, { drizzle: s.drizzle + d / 2, ours: s.ours + o / 2 });
  }
}
console.log('== building a statement\'s text (µs each; drizzle\'s own builder is the ceiling, same run) ==');
for (const [name, s] of spent) console.log(`  ${name.padEnd(20)} drizzle ${s.drizzle.toFixed(1).padStart(6)}   sql-text.ts ${s.ours.toFixed(1).padStart(6)}   ${(s.drizzle / s.ours).toFixed(1)}× faster`);
const t0 = performance.now();
for (let i = 0; i < 1000; i++) statements();
console.log(`  for scale: drizzle's query builders made these ${spent.size} trees in ${((performance.now() - t0) * 1000 / 1000).toFixed(0)} µs (not changed here)`);
