import pg from 'pg';

/*
 * One listening connection per database and process, shared by every change cache (change-cache.ts):
 * signed-in callers, needs' pages, kept counts. PostgreSQL wakes every listening connection at each
 * commit that notifies, whatever the channel, and each woken server process reads the notification
 * queue: three caches with a connection each cost three wake-ups per transition on every instance.
 * Measured in bench:orders on PostgreSQL: the sessions' and pages' listening processes spent 0.032 and
 * 0.033 ms of CPU per transition; the one shared connection 0.043 ms.
 *
 * A cache subscribes with its channels. It is told `heard` once all of them are listened to (it keeps
 * nothing before), `changed` at each notification on one of them, and `lost` when the connection is
 * (it then keeps nothing until `heard` again: what changed meanwhile was not heard).
 */

const RECONNECT_MS = 1000;
/**
 * A listening connection can die without a word (a network split, a half-open TCP connection): it
 * is asked a trivial question this often, and taken for lost when it does not answer in PING_TIMEOUT_MS.
 */
const PING_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;
/** How the connection shows in pg_stat_activity (and how tests find it). */
export const LISTENER_NAME = 'lianxin change listener';

export type ChangeSubscriber = {
  channels: readonly string[];
  /** A notification arrived on one of `channels`. */
  changed(payload: string): void;
  /** Every one of `channels` is listened to now (again). */
  heard(): void;
  /** The connection is lost; it is opened again within a second or so. */
  lost(why: string): void;
};

export type ChangeSubscription = {
  /** Opens the connection if it is not open or on its way (what is asked while not listening calls this). */
  wake(): void;
  close(): Promise<void>;
};

type Listener = { subscribe(subscriber: ChangeSubscriber): ChangeSubscription };

/** Per pool, not per Database object: the wrappers of one database (a test's copy with `drop`) share its listener. */
const listeners = new WeakMap<pg.Pool, Listener>();

/** Subscribes to notifications on `subscriber.channels`, on this process's one listening connection to the pool's database (PostgreSQL). */
export function listenForChanges(pool: pg.Pool, subscriber: ChangeSubscriber): ChangeSubscription {
  let listener = listeners.get(pool);
  if (!listener) listeners.set(pool, (listener = createListener(pool)));
  return listener.subscribe(subscriber);
}

/** A subscriber's own failure (its log, say) is its own: the others are still told, the connection goes on. */
function tell(what: () => void) {
  try {
    what();
  } catch (err) {
    console.error('[lianxin] a change cache failed to take a notification in:', err);
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function createListener(pool: pg.Pool): Listener {
  const subscribers = new Map<ChangeSubscriber, { told: boolean }>();
  let client: pg.Client | undefined;
  let connected = false;
  const listened = new Set<string>();
  let retry: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  // LISTENs and UNLISTENs one after another, on the connection they were meant for
  let syncing: Promise<void> = Promise.resolve();

  function lost(of: pg.Client, why: string) {
    if (client !== of) return;
    client = undefined;
    connected = false;
    listened.clear();
    clearInterval(ping);
    of.end().catch(() => undefined);
    if (subscribers.size > 0)
      retry = setTimeout(() => {
        retry = undefined;
        open();
      }, RECONNECT_MS).unref();
    for (const [s, state] of subscribers) {
      state.told = false;
      tell(() => s.lost(why));
    }
  }

  /** Brings what the connection listens to in line with what the subscribers ask for, then tells each one whose channels are all listened to. */
  async function listenAsAsked(of: pg.Client) {
    if (client !== of || !connected) return;
    const wanted = new Set([...subscribers.keys()].flatMap((s) => s.channels));
    try {
      for (const channel of wanted) {
        if (listened.has(channel)) continue;
        await of.query(`LISTEN ${of.escapeIdentifier(channel)}`);
        if (client !== of) return;
        listened.add(channel);
      }
      // a closed cache's channels (or a barrier's) would go on waking this connection
      for (const channel of [...listened].filter((c) => !wanted.has(c))) {
        await of.query(`UNLISTEN ${of.escapeIdentifier(channel)}`);
        if (client !== of) return;
        listened.delete(channel);
      }
    } catch (err) {
      return lost(of, errorText(err));
    }
    for (const [s, state] of subscribers)
      if (!state.told && s.channels.every((c) => listened.has(c))) {
        state.told = true;
        tell(() => s.heard());
      }
  }

  function sync(of: pg.Client) {
    syncing = syncing.then(() => listenAsAsked(of)).catch((err: unknown) => lost(of, errorText(err)));
  }

  function keepAsking(c: pg.Client) {
    ping = setInterval(() => {
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), PING_TIMEOUT_MS).unref());
      Promise.race([c.query('SELECT 1'), timeout]).catch((err: unknown) => lost(c, errorText(err)));
    }, PING_MS).unref();
  }

  function open() {
    if (client || retry || subscribers.size === 0) return;
    // not pipelined: ending a pipelined client waits for its unanswered queries, and a silent server never answers the ping
    const c = new pg.Client({ ...pool.options, keepAlive: true, pipeline: false, application_name: LISTENER_NAME } as pg.ClientConfig);
    client = c;
    c.on('notification', (n) => {
      for (const s of subscribers.keys()) if (s.channels.includes(n.channel)) tell(() => s.changed(n.payload ?? ''));
    });
    c.on('error', (err) => lost(c, err.message));
    c.on('end', () => lost(c, 'connection ended'));
    c.connect().then(
      () => {
        if (client !== c) return;
        connected = true;
        keepAsking(c);
        sync(c);
      },
      (err: unknown) => lost(c, errorText(err)),
    );
  }

  function end() {
    clearTimeout(retry);
    retry = undefined;
    clearInterval(ping);
    const c = client;
    client = undefined;
    connected = false;
    listened.clear();
    return c?.end().catch(() => undefined);
  }

  return {
    subscribe(subscriber) {
      subscribers.set(subscriber, { told: false });
      // a connection already open listens to this subscriber's channels too
      if (client && connected) sync(client);
      return {
        wake: open,
        async close() {
          if (!subscribers.delete(subscriber)) return;
          if (subscribers.size > 0) return void (client && connected && sync(client));
          await end();
        },
      };
    },
  };
}
