import { Worker } from 'node:worker_threads';
import { Duplex } from 'node:stream';

/*
 * Embedded PGlite on its own thread. PGlite is PostgreSQL compiled to WebAssembly: every statement
 * runs synchronously on the thread that owns it, so in-process it stalls the event loop (and with it
 * /healthz and every other user) for as long as the statement runs. Here a worker thread owns the
 * PGlite instance and speaks the PostgreSQL wire protocol over a MessagePort; the app reaches it
 * through node-postgres (`pg.Client` with this module's stream instead of a TCP socket), exactly as
 * it reaches a real PostgreSQL. No port is opened and nothing else can connect.
 *
 * PGlite is one session: the pool that uses these streams must hold at most one client (a second
 * client would share the first one's transaction). The worker processes messages in order; when a
 * client goes away mid-transaction the worker rolls the transaction back before the next client.
 */

// Plain JavaScript, evaluated as the worker's module: no file to ship beside the build and none to
// compile for tests. PGlite is imported by the URL the main thread resolved.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { PGlite } = await import(workerData.pgliteUrl);
  const db = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
  await db.waitReady;
  let pending = Buffer.alloc(0);
  let current = 0; // the connection whose messages are being answered
  let chain = Promise.resolve();
  const send = (data) => {
    const copy = new Uint8Array(data); // PGlite's chunk may be a view of its memory
    parentPort.postMessage({ type: 'data', id: current, bytes: copy }, [copy.buffer]);
  };
  // One message of the protocol at a time: the startup message has no type byte, the others do.
  const nextMessage = () => {
    if (pending.length < 5) return undefined;
    let length;
    if (pending.length >= 8 && pending.readInt32BE(4) === 196608) length = pending.readInt32BE(0);
    else length = 1 + pending.readInt32BE(1);
    if (pending.length < length) return undefined;
    const message = pending.subarray(0, length);
    pending = pending.subarray(length);
    return message;
  };
  const drain = async () => {
    const batch = [];
    for (let message = nextMessage(); message; message = nextMessage()) {
      if (message[0] === 0x58 && message.length === 5) continue; // Terminate: the session stays
      batch.push(message);
    }
    if (batch.length) await db.execProtocolRawStream(new Uint8Array(Buffer.concat(batch)), { onRawData: send });
  };
  // A connection went away (or a new one came): what it left unfinished is dropped, its open
  // transaction rolled back and its prepared statements let go, so the next connection starts
  // from a clean session, as a new connection to PostgreSQL would.
  const reset = async () => {
    pending = Buffer.alloc(0);
    if (db.isInTransaction()) await db.exec('ROLLBACK');
    await db.exec('DEALLOCATE ALL');
  };
  const run = (work) => {
    chain = chain.then(work).catch((err) => parentPort.postMessage({ type: 'error', message: String(err && err.stack || err) }));
  };
  parentPort.on('message', (m) => {
    if (m.type === 'data') {
      run(async () => {
        if (m.id !== current) {
          await reset();
          current = m.id;
        }
        pending = pending.length ? Buffer.concat([pending, Buffer.from(m.bytes)]) : Buffer.from(m.bytes);
        await drain();
      });
    } else if (m.type === 'reset') run(async () => { if (m.id === current) await reset(); });
    else if (m.type === 'close') run(async () => { await db.close(); parentPort.postMessage({ type: 'closed' }); });
  });
  parentPort.postMessage({ type: 'ready' });
})().catch((err) => parentPort.postMessage({ type: 'failed', message: String(err && err.stack || err) }));
`;

export type PgliteThread = {
  /** A new connection for node-postgres (`new pg.Pool({ max: 1, stream: () => thread.stream() })`). */
  stream(): Duplex;
  /** Closes PGlite (flushing it to disk) and ends the thread. */
  close(): Promise<void>;
  /** Settles when PGlite has opened its data (or failed to). */
  ready: Promise<void>;
  worker: Worker;
};

/** Starts the worker, which opens (or creates) `dataDir` (':memory:' or unset: in memory); `ready` says when. */
export function startPgliteThread(dataDir?: string): PgliteThread {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { pgliteUrl: import.meta.resolve('@electric-sql/pglite'), dataDir: dataDir === ':memory:' ? undefined : dataDir },
  });
  let attached: WorkerStream | undefined;
  let closed: (() => void) | undefined;
  let failure: Error | undefined;
  // Not awaited here: PGlite opens (or creates) its data on the worker while the caller goes on
  // (the server builds its app meanwhile); a connection waits for it before it says 'connect'.
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: { type: string; id?: number; bytes?: Uint8Array; message?: string }) => {
      // answers to a connection that has gone since are dropped, never handed to its successor
      if (m.type === 'data') {
        const to = attached;
        if (to && to.id === m.id) to.push(Buffer.from(m.bytes!.buffer, m.bytes!.byteOffset, m.bytes!.byteLength));
      } else if (m.type === 'ready') resolve();
      else if (m.type === 'closed') closed?.();
      else if (m.type === 'failed') reject((failure = new Error(`embedded database failed to open: ${m.message}`)));
      else if (m.type === 'error') {
        // the protocol layer itself broke (not an SQL error, those travel as protocol messages)
        failure = new Error(`embedded database thread: ${m.message}`);
        attached?.destroy(failure);
      }
    });
    worker.once('error', (err) => {
      failure = err;
      attached?.destroy(err);
      reject(err);
    });
    worker.once('exit', (code) => {
      failure ??= new Error(`embedded database thread exited (${code})`);
      attached?.destroy(failure);
      reject(failure);
    });
  });
  ready.catch(() => undefined); // reported to whoever connects (or awaits `ready`)
  let lastId = 0;
  class WorkerStream extends Duplex {
    readonly id = ++lastId;
    connect() {
      if (failure) {
        process.nextTick(() => this.destroy(failure));
        return this;
      }
      if (attached && !attached.destroyed) attached.destroy(); // an ending client's stream, replaced
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- this stream is now the connection answers go to
      attached = this;
      ready.then(
        () => this.emit('connect'),
        (err: Error) => this.destroy(err),
      );
      return this;
    }
    setNoDelay() {
      return this;
    }
    setKeepAlive() {
      return this;
    }
    ref() {
      return this;
    }
    unref() {
      return this;
    }
    override _read() {}
    override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void) {
      this.post([chunk], done);
    }
    // node-postgres corks the stream for a query's Parse, Bind, Describe, Execute and Sync: uncorked,
    // they arrive here together and cross to the worker as one message (five messages, each run by
    // PGlite on its own, cost more than the query: a statement took 0.48 ms, and 0.22 as one message)
    override _writev(chunks: { chunk: Buffer }[], done: (err?: Error | null) => void) {
      this.post(
        chunks.map((c) => c.chunk),
        done,
      );
    }
    private post(chunks: Buffer[], done: (err?: Error | null) => void) {
      if (attached !== this) return done(new Error('this connection to the embedded database is closed'));
      // one copy into memory of its own (a pooled Buffer shares its memory), which we may hand over
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      worker.postMessage({ type: 'data', id: this.id, bytes }, [bytes.buffer]);
      done();
    }
    override _final(done: () => void) {
      this.detach();
      this.push(null);
      done();
    }
    override _destroy(err: Error | null, done: (err?: Error | null) => void) {
      this.detach();
      done(err);
    }
    private detach() {
      if (attached !== this) return;
      attached = undefined;
      worker.postMessage({ type: 'reset', id: this.id });
    }
  }
  return {
    worker,
    ready,
    stream: () => new WorkerStream(),
    close: async () => {
      if (failure) return void (await worker.terminate());
      await ready;
      worker.removeAllListeners('exit');
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: 'close' });
      });
      await worker.terminate();
    },
  };
}
