import pg from 'pg';
import type { Database } from '../db/client.js';

/*
 * Signed-in callers kept in memory between their requests, so a request does not begin with a read
 * of its session and account (one statement of two on a need's page; on the embedded database, half
 * of what its one connection did for that page).
 *
 * What the database says stays the truth, on every instance:
 *  - An entry is stamped with the generation current when its read began, and is used only while that
 *    is still the generation: any change bumps it, and everything cached before is read again.
 *  - This instance bumps it after each of its own commits and root-level writes (client.ts
 *    `afterWrite`), before the writer's caller goes on, so its next request sees the change.
 *  - Other instances (PostgreSQL) hear of a change by the `lianxin_sessions` notification the
 *    database's triggers send at commit (migration 0031: an account's name, roles, status, place or
 *    password; a session ended; a region moved). While this instance is not listening (starting,
 *    connection lost) nothing is cached. The embedded database has no other instance.
 * The owner of an entry still decides when it is too old (the session's idle and lifetime limits).
 */

const CHANNEL = 'lianxin_sessions';
const MAX_ENTRIES = 20_000;
const RECONNECT_MS = 1000;
/**
 * A listening connection can die without a word (a network split, a half-open TCP connection): it
 * is asked a trivial question this often, and taken for lost when it does not answer in PING_TIMEOUT_MS.
 */
const PING_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;

export type SessionCache<T> = {
  /** The generation to stamp on what is about to be read. */
  generation(): number;
  get(key: string): T | undefined;
  /** Keeps `value`, read from the database at `generation`, unless something changed since. */
  set(key: string, value: T, generation: number): void;
  /** Settles once entries are kept (PostgreSQL: once listening), starting to listen if need be. */
  ready(): Promise<void>;
  close(): Promise<void>;
};

export function createSessionCache<T>(database: Database, log: (msg: string) => void = () => undefined): SessionCache<T> {
  const entries = new Map<string, { value: T; generation: number }>();
  let generation = 0;
  const bump = () => {
    generation++;
    entries.clear();
  };
  database.afterWrite.add(bump);
  // PostgreSQL: other instances' changes arrive as notifications, on a connection of our own
  const needsListener = database.kind === 'postgres' && database.pool !== undefined;
  let listening = !needsListener;
  let listener: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let waiting: (() => void)[] = [];
  let ping: NodeJS.Timeout | undefined;
  let reported = false; // one warning per outage, not one a second

  async function listen() {
    if (closed || listener || !database.pool) return;
    // not pipelined: ending a pipelined client waits for its unanswered queries, and a silent server never answers the ping
    const client = new pg.Client({ ...database.pool.options, keepAlive: true, pipeline: false } as pg.ClientConfig);
    listener = client;
    const lost = (why: string) => {
      if (listener !== client) return;
      listener = undefined;
      listening = false;
      bump();
      clearInterval(ping);
      client.end().catch(() => undefined);
      if (!closed) {
        if (!reported) log(`session cache: not listening (${why}); every request reads its session until it is back`);
        reported = true;
        retry = setTimeout(() => {
          retry = undefined;
          void listen();
        }, RECONNECT_MS).unref();
      }
    };
    client.on('notification', (n) => {
      if (n.channel === CHANNEL) bump();
    });
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (listener !== client) return;
      // whatever changed while nobody listened was not heard: start from nothing
      bump();
      listening = true;
      if (reported) log('session cache: listening again');
      reported = false;
      ping = setInterval(() => {
        const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), PING_TIMEOUT_MS).unref());
        Promise.race([client.query('SELECT 1'), timeout]).catch((err: unknown) => lost(err instanceof Error ? err.message : String(err)));
      }, PING_MS).unref();
      for (const resolve of waiting) resolve();
      waiting = [];
    } catch (err) {
      lost(err instanceof Error ? err.message : String(err));
    }
  }

  return {
    generation: () => generation,
    get(key) {
      if (!listening) {
        if (needsListener && !listener && !retry && !closed) void listen();
        return undefined;
      }
      return entries.get(key)?.value;
    },
    set(key, value, at) {
      if (!listening || at !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { value, generation: at });
    },
    ready() {
      if (listening || closed) return Promise.resolve();
      if (needsListener && !listener && !retry && !closed) void listen();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(ping);
      // whoever waits for the cache goes on: reads just come from the database
      for (const resolve of waiting) resolve();
      waiting = [];
      database.afterWrite.delete(bump);
      const client = listener;
      listener = undefined;
      listening = false;
      entries.clear();
      await client?.end().catch(() => undefined);
    },
  };
}
