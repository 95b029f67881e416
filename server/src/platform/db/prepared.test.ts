import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase } from '../../test/harness.js';
import { queryRows } from './client.js';
import { statementName } from './prepared.js';

// the in-process PGlite has no connections to prepare on; the worker thread and PostgreSQL do
const connected = [...backends.filter((b) => b === 'postgres'), 'pglite-worker' as const];

describe.each(connected)('repeated statements are prepared once per connection, on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`CREATE TABLE prep_probe (n int PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(() => database.drop());

  /** The names prepared on the connection that answers, from inside one transaction (one connection). */
  const preparedOnConnection = (marker: number) =>
    database.db.transaction(async (tx) => {
      const rows = await queryRows<{ label: string }>(tx, sql`SELECT label FROM prep_probe WHERE n = ${marker}`);
      const again = await queryRows<{ label: string }>(tx, sql`SELECT label FROM prep_probe WHERE n = ${marker}`);
      const names = await queryRows<{ name: string }>(tx, sql`SELECT name FROM pg_prepared_statements`);
      return { rows, again, names: names.map((r) => r.name) };
    });

  it('names a parameterised statement from its second use, and answers the same', async () => {
    await database.db.execute(sql`INSERT INTO prep_probe VALUES (${1}, ${'一'}), (${2}, ${'二'})`);
    const { rows, again, names } = await preparedOnConnection(1);
    expect(rows).toEqual([{ label: '一' }]);
    expect(again).toEqual([{ label: '一' }]);
    const text = 'SELECT label FROM prep_probe WHERE n = $1';
    expect(names).toContain(statementName(text));
    // the prepared statement takes new values
    const other = await database.db.transaction((tx) => queryRows<{ label: string }>(tx, sql`SELECT label FROM prep_probe WHERE n = ${2}`));
    expect(other).toEqual([{ label: '二' }]);
  });

  it('leaves statements without parameters unnamed, and a failing statement does not poison the connection', async () => {
    await database.db.execute(sql`SELECT 1`);
    await database.db.execute(sql`SELECT 1`);
    for (let i = 0; i < 3; i++) {
      await expect(database.db.execute(sql`SELECT no_such_column FROM prep_probe WHERE n = ${i}`)).rejects.toThrow();
    }
    const rows = await queryRows<{ label: string }>(database.db, sql`SELECT label FROM prep_probe WHERE n = ${2}`);
    expect(rows).toEqual([{ label: '二' }]);
    const after = await database.db.transaction((tx) => queryRows<{ names: string[] }>(tx, sql`SELECT coalesce(array_agg(statement), '{}') AS names FROM pg_prepared_statements`));
    expect(after[0]!.names.some((s) => /^SELECT 1$/i.test(s.trim()))).toBe(false);
  });
});
