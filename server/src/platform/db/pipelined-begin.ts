import type pg from 'pg';
import { textOf } from './writes.js';

/*
 * A transaction's BEGIN goes out with its first statement instead of in a round trip of its own.
 * drizzle sends `begin` and waits for its answer before the transaction's first statement, so every
 * transition paid one round trip (a PostgreSQL backend woken, an answer read and parsed) for a
 * statement that cannot fail on a healthy connection. Here `begin` is answered at once and held; the
 * connection's next query sends it first, and — the pool's connections run in node-postgres's
 * pipeline mode (`pipeline: true`) — both are on the wire together. Their answers come back in
 * order, and the caller gets BEGIN's error if BEGIN failed — which on a healthy connection it cannot
 * (on a broken one the statement behind it fails too). A connection given back to the pool with a
 * BEGIN still held forgets it (`forgetHeldBegin`): no transaction was started on the server.
 */
const BEGIN = /^\s*begin\s*$/i;
const COMMIT = /^\s*commit\s*$/i;

/**
 * PostgreSQL answers COMMIT of a transaction a statement aborted with "ROLLBACK", and no error. A
 * caller that awaited each statement has heard that error already; one that sent statements without
 * waiting (unit-of-work.ts `sendLast`, pipeline mode) may not have: the COMMIT fails instead.
 */
export class RolledBackAtCommitError extends Error {
  constructor() {
    super('COMMIT rolled the transaction back: a statement in it had failed');
    this.name = 'RolledBackAtCommitError';
  }
}
const committed = (r: unknown) => {
  if ((r as { command?: string } | undefined)?.command === 'ROLLBACK') throw new RolledBackAtCommitError();
  return r;
};

type Query = (config: unknown, ...rest: unknown[]) => unknown;


const forgetters = new WeakMap<object, () => void>();

/** Drops a BEGIN held on this connection (pool.on('release')): the next borrower starts clean. */
export function forgetHeldBegin(client: object): void {
  forgetters.get(client)?.();
}

/** Wraps one connection's `query` (pool.on('connect') calls this for each new connection). */
export function pipelineBegin(client: pg.Client | pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  let held: { config: unknown; rest: unknown[] } | undefined;
  forgetters.set(client, () => (held = undefined));
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const promised = typeof rest[rest.length - 1] !== 'function';
    const text = textOf(config);
    if (promised && text !== undefined && BEGIN.test(text) && !held) {
      held = { config, rest };
      return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [], fields: [] });
    }
    const commit = promised && text !== undefined && COMMIT.test(text);
    if (!held) return commit ? (query(config, ...rest) as Promise<unknown>).then(committed) : query(config, ...rest);
    const begin = held;
    held = undefined;
    // the first statement goes out right behind BEGIN, before BEGIN's answer is in — and in the same
    // write: node-postgres corks the socket per statement, so each was a system call of its own
    // (on loopback TCP about as costly as building the statement)
    const stream = (client as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
    stream?.cork?.();
    let begun: Promise<unknown>;
    let result: unknown;
    try {
      begun = query(begin.config, ...begin.rest) as Promise<unknown>;
      result = query(config, ...rest);
    } finally {
      stream?.uncork?.();
    }
    if (!promised) {
      // a callback caller: BEGIN's failure is reported to no one but the statement that follows it
      begun.catch(() => undefined);
      return result;
    }
    return Promise.allSettled([begun, result as Promise<unknown>]).then(([b, r]) => {
      if (b.status === 'rejected') throw b.reason;
      if (r.status === 'rejected') throw r.reason;
      return commit ? committed(r.value) : r.value;
    });
  };
}
