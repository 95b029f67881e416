import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.js';
import { queryRows, type Database } from './client.js';
import { referenceTables } from './tenancy.js';

type Constraint = { table: string; name: string; type: 'p' | 'u' | 'f'; columns: string[]; refTable: string | null; refColumns: string[] | null };

/** Finds every way the schema breaks the district_id rule; an empty list means it can go on Citus. */
async function tenancyViolations(database: Database): Promise<string[]> {
  const tables = (await queryRows<{ name: string }>(database.db, sql.raw(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`))).map((t) => t.name);
  const columns = await queryRows<{ table: string; column: string; nullable: boolean }>(
    database.db,
    sql.raw(`SELECT table_name AS table, column_name AS column, is_nullable = 'YES' AS nullable FROM information_schema.columns WHERE table_schema = 'public'`),
  );
  const constraints = await queryRows<Constraint>(
    database.db,
    sql.raw(`
      -- each key's columns in the key's own order, so a foreign key's columns pair with what they point at
      SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS type,
             array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
             CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS "refTable",
             CASE WHEN c.contype = 'f' THEN array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) END AS "refColumns"
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f')`),
  );
  const uniqueIndexes = await queryRows<{ table: string; name: string; columns: string[] }>(
    database.db,
    sql.raw(`
      SELECT t.relname AS table, i.relname AS name,
             array(SELECT a.attname::text FROM unnest(x.indkey) k JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k) AS columns
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND x.indisunique`),
  );
  const isReference = (t: string) => (referenceTables as readonly string[]).includes(t);
  const problems: string[] = [];
  for (const table of tables.filter((t) => !isReference(t))) {
    if (!columns.some((c) => c.table === table && c.column === 'district_id')) problems.push(`${table}: no district_id column`);
    const pk = constraints.find((c) => c.table === table && c.type === 'p');
    if (!pk) problems.push(`${table}: no primary key`);
    else if (!pk.columns.includes('district_id')) problems.push(`${table}: primary key without district_id`);
    for (const u of uniqueIndexes.filter((i) => i.table === table)) {
      if (!u.columns.includes('district_id')) problems.push(`${table}: unique ${u.name} without district_id`);
    }
    for (const fk of constraints.filter((c) => c.table === table && c.type === 'f' && c.refTable && !isReference(c.refTable))) {
      const at = fk.columns.indexOf('district_id');
      if (at < 0 || fk.refColumns?.[at] !== 'district_id') problems.push(`${table}: foreign key ${fk.name} not through district_id`);
    }
  }
  for (const table of referenceTables) if (!tables.includes(table)) problems.push(`${table}: listed as reference table but missing`);
  // a column that names another row (`…_id`) is a foreign key, unless it is listed with its reason
  for (const { table, column } of columns.filter((c) => c.column.endsWith('_id') && c.column !== 'district_id' && c.column !== 'id')) {
    if (isReference(table) || unlinkedColumns[`${table}.${column}`]) continue;
    if (!constraints.some((c) => c.table === table && c.type === 'f' && c.columns.includes(column))) problems.push(`${table}.${column}: refers to a row without a foreign key`);
  }
  // a row's region is of its own district (regionRef): scope.ts counts on it at the district's root
  for (const { table } of columns.filter((c) => c.column === 'region_id' && !c.nullable && !isReference(c.table))) {
    if (!constraints.some((c) => c.table === table && c.type === 'f' && c.refTable === 'regions' && c.columns.includes('region_id'))) problems.push(`${table}.region_id: no foreign key to regions (regionRef)`);
  }
  // and so is every region a row names — its place, a community, a street, a node's parent: (district_id, col) → (district_id, id)
  for (const fk of constraints.filter((c) => c.type === 'f' && c.refTable === 'regions')) {
    const pairs = fk.columns.map((c, i) => `${c}→${fk.refColumns?.[i]}`);
    const own = pairs.length === 2 && pairs.includes('district_id→district_id') && pairs.some((p) => p !== 'district_id→district_id' && p.endsWith('→id'));
    if (!own) problems.push(`${fk.table}: foreign key ${fk.name} may name a region of another district (regionRef)`);
  }
  return problems;
}

/** `…_id` columns that are deliberately not foreign keys, and why. */
const unlinkedColumns: Record<string, string> = {
  'audit_log.actor_id': 'the log outlives what it records, and the system or an anonymous caller has no account',
  'audit_log.object_id': 'points at any kind of object (object_type says which)',
  'audit_log.region_id': 'the log outlives the region tree it was written against',
  'file_links.object_id': 'points at any kind of object (object_type says which)',
  'domain_events.subject_id': 'points at any kind of object (subject_type says which)',
  'inbox_messages.subject_id': 'points at any kind of object (subject_type says which); a message outlives what it was about',
  'domain_events.actor_id': 'events outlive accounts, and the system has none',
  'volunteer_service_entries.source_id': 'points at an order or an activity (source says which)',
  'conduct_facts.activity_id': 'the activities module lands in parallel (issue 8 part 5): a foreign key to activities once it is merged',
  'ledger_accounts.owner_id': 'the owner is a person, a region, a partner unit or a need (kind says which)',
  'ledger_transactions.source_id': 'points at an order, an activity, a redemption, an incident … (source says which)',
  'need_events.actor_id': 'events are append-only history: null for the system, and they outlive accounts',
};


describe('multi-tenant schema (Citus-ready)', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(() => database.drop());

  it('every district-owned table keys on district_id: primary, unique and foreign keys', async () => {
    expect(await tenancyViolations(database)).toEqual([]);
  });

  it('catches a table that forgets district_id in its primary key', async () => {
    await database.db.execute(sql.raw(`CREATE TABLE bad_example (id uuid PRIMARY KEY, district_id uuid NOT NULL, phone text UNIQUE)`));
    const problems = await tenancyViolations(database);
    await database.db.execute(sql.raw(`DROP TABLE bad_example`));
    expect(problems).toEqual(['bad_example: primary key without district_id', 'bad_example: unique bad_example_pkey without district_id', 'bad_example: unique bad_example_phone_key without district_id']);
  });

  it('catches a region column that may name a region of another district', async () => {
    await database.db.execute(sql.raw(`CREATE TABLE bad_place (district_id uuid NOT NULL, id uuid NOT NULL, region_id uuid NOT NULL REFERENCES regions (id), PRIMARY KEY (district_id, id))`));
    const problems = await tenancyViolations(database);
    await database.db.execute(sql.raw(`DROP TABLE bad_place`));
    expect(problems).toEqual(['bad_place: foreign key bad_place_region_id_fkey may name a region of another district (regionRef)']);
  });

  it('catches any other region reference that may name a region of another district', async () => {
    await database.db.execute(sql.raw(`CREATE TABLE bad_community (district_id uuid NOT NULL, id uuid NOT NULL, community_id uuid REFERENCES regions (id), PRIMARY KEY (district_id, id))`));
    const problems = await tenancyViolations(database);
    await database.db.execute(sql.raw(`DROP TABLE bad_community`));
    expect(problems).toEqual(['bad_community: foreign key bad_community_community_id_fkey may name a region of another district (regionRef)']);
  });
});
