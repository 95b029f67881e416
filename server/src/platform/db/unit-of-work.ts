import { AsyncLocalStorage } from 'node:async_hooks';
import { DrizzleQueryError, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from './types.js';

/*
 * The unit of work: the open transaction travels with the async call chain (AsyncLocalStorage), so
 * code inside a transaction reaches it through `currentDb()` instead of a `tx` threaded by hand.
 * And a query sent to the root database from inside a transaction is refused at once: on embedded
 * PGlite (one connection) it would wait for its own transaction forever, and on PostgreSQL it would
 * silently run outside it.
 */
type Scope = {
  tx: Tx;
  /** Append-only inserts (appendAtCommit) waiting for the end of the transaction. */
  appends: SQL[];
  /** Savepoints open now: what is appended inside one is written at once, so it rolls back with it. */
  savepoints: number;
  /** The statement sent last (sendLast), answered after COMMIT went out behind it; rejects with its error, explained. */
  last?: Promise<unknown>;
  /** Statements queued behind it without waiting (sendBehind), in order: one that failed explains a failed COMMIT. */
  behind: Promise<unknown>[];
};
const scope = new AsyncLocalStorage<Scope>();

/** Appended rows written at once when this many wait: one statement stays far below 65,535 parameters. */
const MAX_WAITING = 200;

export class OutsideTransactionError extends Error {
  constructor() {
    super('a query was sent to the root database while this call chain holds an open transaction: use the transaction (currentDb() or the tx you were given) inside db.transaction()');
    this.name = 'OutsideTransactionError';
  }
}

/** The transaction this call chain is inside, if any. */
export function currentTransaction(): Tx | undefined {
  return scope.getStore()?.tx;
}

/** Called by the root connection before each query: refuses one issued from inside a transaction. */
export function assertNoOpenTransaction(): void {
  if (scope.getStore()) throw new OutsideTransactionError();
}

/**
 * Makes every `db.transaction(...)` carry its transaction down the call chain, writes what was
 * appended to it (appendAtCommit) just before it commits, and calls `committed` after each one
 * commits (before its caller goes on).
 */
export function trackTransactions(db: Db, committed: () => void = () => undefined): Db {
  const begin = db.transaction.bind(db);
  const tracked: Db['transaction'] = async (fn, config) => {
    let sent: Promise<unknown>[] = [];
    const result = await begin(async (tx) => {
      const store: Scope = { tx, appends: [], savepoints: 0, behind: [] };
      countSavepoints(store);
      try {
        const value = await scope.run(store, () => fn(tx));
        await flushAppends(store, true);
        sent = sentWithout(store);
        return value;
      } catch (err) {
        // what failed after a failed last statement failed because of it ("current transaction is aborted"): its error is the one to tell
        await firstFailure(sentWithout(store));
        throw err;
      }
    }, config).catch(async (err: unknown) => {
      // a statement sent without waiting that failed aborted the transaction, so its COMMIT rolled it back: its error is the one to tell
      await firstFailure(sent);
      throw err;
    });
    // committed: whatever was sent without waiting succeeded in the database (a failure there would have
    // rolled the COMMIT back, above). A read behind it can still fail decoding its rows; that is its
    // taker's to handle (the caller of sendBehind), not a failed transaction to report for one that committed
    await Promise.allSettled(sent);
    committed();
    return result;
  };
  return Object.assign(db, { transaction: tracked });
}

/** What the transaction sent without waiting for it, in the order sent. */
const sentWithout = (store: Scope): Promise<unknown>[] => (store.last ? [store.last, ...store.behind] : store.behind);

/** Settles the statements sent without waiting, in the order sent; throws the first one's error. */
async function firstFailure(sent: Promise<unknown>[]): Promise<void> {
  for (const statement of sent) await statement;
}

/** A savepoint (`tx.transaction`) first writes what is waiting, and appends inside it are written at once. */
function countSavepoints(store: Scope): void {
  const open = store.tx.transaction.bind(store.tx);
  const nested: Tx['transaction'] = async (fn) => {
    await flushAppends(store);
    store.savepoints++;
    try {
      return await open(fn);
    } finally {
      store.savepoints--;
    }
  };
  Object.assign(store.tx, { transaction: nested });
}

/**
 * Writes what waits in one statement. At commit (`atCommit`) it is the transaction's last statement,
 * sent with the COMMIT (sendLast): a change whose last rows were appended ones (an intake's timeline,
 * audit line and domain event) commits one round trip sooner. A savepoint's flush, or one after a last
 * statement already sent, is awaited.
 */
async function flushAppends(store: Scope, atCommit = false): Promise<void> {
  if (store.appends.length === 0) return;
  const statements = store.appends.splice(0);
  if (atCommit && !store.last && store.savepoints === 0) return sendLastIn(store, store.tx, together(statements));
  await writeTogether(store.tx, statements);
}

/** What a node-postgres transaction is made of, as drizzle 0.45 holds it (internal). */
type PgInternals = {
  dialect?: { sqlToQuery(statement: SQL): { sql: string; params: unknown[] } };
  session?: { client?: { query?: (config: { text: string; values: unknown[] }) => Promise<unknown>; connection?: { stream?: { cork(): void; uncork(): void } } } };
};

/** The node-postgres connection under `db`, which pipelines (PostgreSQL, PGlite on its thread); none for in-process PGlite. */
function connectionOf(db: DbOrTx) {
  const { dialect, session } = db as unknown as PgInternals;
  const client = session?.client;
  const stream = client?.connection?.stream;
  return { dialect, client, stream };
}

/**
 * Whether statements sent on `db` without waiting keep their order before its COMMIT: on a
 * node-postgres connection in pipeline mode yes; in-process PGlite may run one after the COMMIT.
 */
export function pipelines(db: DbOrTx): boolean {
  return Boolean(connectionOf(db).stream);
}

/**
 * The transaction's last statement, sent now without waiting for its answer, so that COMMIT goes out
 * right behind it — in the same write — instead of a round trip later: a transition's combined write
 * was followed by a COMMIT that could only be sent once its answer was in. The caller gets no rows: a
 * statement that must not go unnoticed fails instead (an error aborts the transaction, its COMMIT then
 * rolls back, and `db.transaction` rejects with that statement's error). Nothing but reads (sendBehind) and the COMMIT may
 * follow it. It goes to the connection directly (node-postgres in pipeline mode queues it before this
 * returns, so it cannot fall behind the COMMIT); inside a savepoint, outside the unit of work's
 * transaction, or on in-process PGlite (no pipeline) it is simply run and awaited.
 */
export async function sendLast(db: DbOrTx, statement: SQL, opts: { explain?: (err: unknown) => Error | undefined } = {}): Promise<void> {
  const store = scope.getStore();
  return sendLastIn(store && store.tx === db && store.savepoints === 0 ? store : undefined, db, statement, opts);
}

/** sendLast in the unit of work's transaction `own` (none: `db` is not it, or a savepoint is open). */
async function sendLastIn(own: Scope | undefined, db: DbOrTx, statement: SQL, opts: { explain?: (err: unknown) => Error | undefined } = {}): Promise<void> {
  const { dialect, client, stream } = connectionOf(db);
  if (own?.last) throw new Error('sendLast: the transaction has sent its last statement already');
  if (!own || !dialect || !client?.query || !stream) {
    await db.execute(statement).catch((err: unknown) => {
      throw opts.explain?.(err) ?? err;
    });
    if (own) own.last = Promise.resolve();
    return;
  }
  const { sql: text, params } = dialect.sqlToQuery(statement);
  // node-postgres corks the socket per statement: held corked until this turn of the event loop is
  // over, the statement and the COMMIT sent behind it leave in one write
  stream.cork();
  setImmediate(() => stream.uncork());
  // its error as drizzle would have reported it (the statement and its values), or as the caller explains it
  const sent = client.query({ text, values: params }).catch((err: unknown) => {
    throw opts.explain?.(err) ?? new DrizzleQueryError(text, params, err instanceof Error ? err : new Error(String(err)));
  });
  // awaited after the COMMIT (trackTransactions): until then its failure is not "unhandled"
  sent.catch(() => undefined);
  own.last = sent;
}

/**
 * The rows waiting to be appended (appendAtCommit), sent now as the transaction's last statement
 * (sendLast), so that reads may be queued behind them (sendBehind). Outside the unit of work's own
 * transaction nothing waits (rows appended there, as inside a savepoint, were written at once). A
 * last statement sent already makes it a mistake, refused like a second sendLast.
 */
export async function sendAppendsLast(db: DbOrTx): Promise<void> {
  const store = scope.getStore();
  if (!store || store.tx !== db) return;
  if (store.last) throw new Error('sendAppendsLast: the transaction has sent its last statement already');
  await flushAppends(store, true);
}

/**
 * A read queued behind the last statement (sendLast) without waiting, whose answer the caller takes
 * after the commit: its failure fails the COMMIT (pipelined-begin.ts), and is the error then told.
 * Only where the connection `pipelines`; outside the unit of work's transaction it is only kept from
 * going unhandled.
 */
export function sendBehind<T>(db: DbOrTx, read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  const store = scope.getStore();
  if (store && store.tx === db) store.behind.push(read);
  return read;
}

/** Appended INSERTs as data-modifying CTEs (`a0 AS (…)`, …): all run to completion, read or not. */
const asCtes = (statements: SQL[]) => statements.map((s, i) => sql`${sql.raw(`a${i}`)} AS (${s})`);

/** Several appended statements (at least one) as one statement. */
const together = (statements: SQL[]): SQL => (statements.length === 1 ? statements[0]! : sql`WITH ${sql.join(asCtes(statements), sql`, `)} SELECT 1`);

/** Several INSERTs as one statement (one round trip). */
export async function writeTogether(db: DbOrTx, statements: SQL[]): Promise<unknown> {
  if (statements.length === 0) return;
  return db.execute(together(statements));
}

/**
 * A statement of the caller's (`main`, after its own CTEs `ctes`: `name AS (…)`) that also carries
 * the rows waiting to be appended at commit, as further CTEs: a change that goes on to write anyway
 * writes them on the way, instead of in a statement of their own at commit. Outside the unit of work's
 * transaction, or with nothing waiting, the statement is the caller's alone.
 */
export function withAppends(db: DbOrTx, ctes: SQL[], main: SQL): SQL {
  const store = scope.getStore();
  const waiting = store && store.tx === db && store.savepoints === 0 ? store.appends.splice(0) : [];
  const all = [...asCtes(waiting), ...ctes];
  return all.length ? sql`WITH ${sql.join(all, sql`, `)} ${main}` : main;
}

/**
 * Append-only rows of a change — its audit line, its domain event and deliveries — written when its
 * transaction is about to commit, all in one statement, instead of one round trip each: on the order
 * chain they were two of a transition's eight statements. `statements` are plain INSERTs (no WITH
 * of their own, no RETURNING that anyone reads), independent of each other within the statement:
 * their foreign keys are checked at its end — or an UPDATE of rows the transaction already holds
 * locked and changes nowhere else, whose answer nobody needs (a volunteer's slot at check-in).
 * Nothing in the transaction may read them back before the write that takes them (withAppends) or
 * the commit. Outside a transaction, or inside a savepoint (which may roll back on its own), they are
 * written at once, still together.
 */
export async function appendAtCommit(db: DbOrTx, ...statements: SQL[]): Promise<void> {
  const store = scope.getStore();
  if (store && store.tx === db && store.savepoints === 0) {
    store.appends.push(...statements);
    // a change of many rows (hundreds of hours approved at once) writes them in bounded statements
    if (store.appends.length >= MAX_WAITING) await flushAppends(store);
    return;
  }
  await writeTogether(db, statements);
}

/** The open transaction of this call chain, or the root database outside one. */
export function currentDb(root: Db): DbOrTx {
  return currentTransaction() ?? root;
}

export class TransactionRequiredError extends Error {
  constructor(what: string) {
    super(`${what} is part of its caller's change: call it inside db.transaction()`);
    this.name = 'TransactionRequiredError';
  }
}

/**
 * The open transaction of this call chain, for a write that only makes sense inside its caller's
 * change (a counter raised with the slot it pays for): outside one it throws instead of committing
 * on its own, which would leave the counter raised when the caller's change rolls back.
 */
export function requireTransaction(what: string): Tx {
  const tx = currentTransaction();
  if (!tx) throw new TransactionRequiredError(what);
  return tx;
}

/** Runs `fn` in a transaction: the one already open in this call chain (joined), or a new one. */
export function inTransaction<T>(root: Db, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const open = currentTransaction();
  return open ? fn(open) : root.transaction(fn);
}
