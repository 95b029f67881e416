/**
 * The stack's own floor for a transition, beside `bench:orders`' figure: a bare Fastify route on the same
 * PostgreSQL database that makes a transition's round trips with node-postgres and nothing else — no
 * session, no validation, no drizzle, no rules, no events, no audit. It answers how far the goal "25 % of
 * pgbench TPC-B" is from what Fastify and node-postgres themselves reach on this machine, so a closing
 * note can tell the app's overhead from the stack's.
 *
 * The round trips are a transition's (bench:statements): BEGIN with the order's row under lock, one
 * change, one statement writing the change and its timeline step together, COMMIT, and the order read
 * back after it — five, BEGIN sent with the first statement as the app's pool does (`pipeline: true`).
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS floor_orders (id int PRIMARY KEY, status text NOT NULL, version int NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS floor_steps (order_id int NOT NULL, seq int NOT NULL, status text NOT NULL, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (order_id, seq));
  CREATE TABLE IF NOT EXISTS floor_marks (order_id int NOT NULL, seq int NOT NULL, PRIMARY KEY (order_id, seq));
`;

export type Floor = { base: string; orders: number; close(): Promise<void> };

/** Starts the bare route on the database at `url`, with `orders` rows to change (one per client). */
export async function startFloor(url: string, orders: number): Promise<Floor> {
  const pool = new pg.Pool({ connectionString: url, max: 20, pipeline: true } as pg.PoolConfig);
  await pool.query(SCHEMA);
  await pool.query('TRUNCATE floor_orders, floor_steps, floor_marks');
  await pool.query(`INSERT INTO floor_orders (id, status, version) SELECT g, 'open', 0 FROM generate_series(1, $1::int) g`, [orders]);
  const app = Fastify();
  app.post<{ Params: { id: string } }>('/floor/:id', async (request) => {
    const id = Number(request.params.id);
    const client = await pool.connect();
    try {
      // BEGIN goes out with the locking read, as the app's pipelined BEGIN does
      const [, locked] = await Promise.all([client.query('BEGIN'), client.query({ name: 'lock', text: 'SELECT id, status, version FROM floor_orders WHERE id = $1 FOR UPDATE', values: [id] })]);
      const version = (locked.rows[0] as { version: number }).version + 1;
      await client.query({ name: 'mark', text: 'INSERT INTO floor_marks (order_id, seq) VALUES ($1, $2)', values: [id, version] });
      await client.query({
        name: 'change',
        text: 'WITH step AS (INSERT INTO floor_steps (order_id, seq, status) VALUES ($1, $2, $3)) UPDATE floor_orders SET status = $3, version = $2, updated_at = now() WHERE id = $1',
        values: [id, version, `s${version % 5}`],
      });
      await client.query('COMMIT');
      const read = await client.query({ name: 'read', text: 'SELECT id, status, version, updated_at FROM floor_orders WHERE id = $1', values: [id] });
      return read.rows[0];
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    base,
    orders,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
