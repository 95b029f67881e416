import type pg from 'pg';
import type { Database } from './client.js';

/*
 * Long work in small steps (the demo's time bank history, an export) keeps out of the users' way on
 * the embedded database. PGlite is one connection: a user's statement waits for the step before it,
 * and a request's next statement for the step after that, so a request of three statements waited
 * for three steps (measured during an export: another user's p99 140 ms instead of 42 ms).
 */

/** Quiet this long = no request is between two of its statements (they follow each other within milliseconds). */
const QUIET_MS = 15;
/** Under a steady stream of requests the work still moves on, a step at least this often. */
const MAX_WAIT_MS = 1000;

export type GiveWay = { wait(): Promise<void>; stop(): void };

/**
 * On the embedded database's one connection (a pool of one client): `wait()` returns once nobody
 * else has been waiting for, or using, the connection for `quietMs` — users' requests queued behind a
 * step all run (with their next statements) before the next step — or after MAX_WAIT_MS. Elsewhere
 * (PostgreSQL: a pool of many, users do not queue behind a step) it returns at once. `stop()` when
 * the work is over.
 */
export function usersFirst(database: Database, quietMs = QUIET_MS): GiveWay {
  const pool: pg.Pool | undefined = database.kind === 'pglite' ? database.pool : undefined;
  if (!pool) return { wait: () => Promise.resolve(), stop: () => undefined };
  let mine = true; // the work's own statements do not count
  let last = 0;
  const touch = () => {
    if (!mine) last = performance.now();
  };
  pool.on('acquire', touch);
  pool.on('release', touch);
  return {
    async wait() {
      mine = false;
      const until = performance.now() + MAX_WAIT_MS;
      try {
        for (;;) {
          const now = performance.now();
          const busy = pool.waitingCount > 0 || pool.totalCount > pool.idleCount;
          if ((!busy && now - last >= quietMs) || now >= until) return;
          await new Promise((r) => setTimeout(r, busy ? 1 : quietMs - (now - last)));
        }
      } finally {
        mine = true;
      }
    },
    stop() {
      pool.off('acquire', touch);
      pool.off('release', touch);
    },
  };
}
