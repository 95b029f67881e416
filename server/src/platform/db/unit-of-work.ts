import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, DbOrTx, Tx } from './types.js';

/*
 * The unit of work: the open transaction travels with the async call chain (AsyncLocalStorage), so
 * code inside a transaction reaches it through `currentDb()` instead of a `tx` threaded by hand.
 * And a query sent to the root database from inside a transaction is refused at once: on embedded
 * PGlite (one connection) it would wait for its own transaction forever, and on PostgreSQL it would
 * silently run outside it.
 */
const scope = new AsyncLocalStorage<{ tx: Tx }>();

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
 * Makes every `db.transaction(...)` carry its transaction down the call chain, and calls `committed`
 * after each one commits (before its caller goes on).
 */
export function trackTransactions(db: Db, committed: () => void = () => undefined): Db {
  const begin = db.transaction.bind(db);
  const tracked: Db['transaction'] = async (fn, config) => {
    const result = await begin((tx) => scope.run({ tx }, () => fn(tx)), config);
    committed();
    return result;
  };
  return Object.assign(db, { transaction: tracked });
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
