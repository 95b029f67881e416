import { isApiError } from '../../../api/client';
import { needsApi, type NewNeed } from '../needs.api';
import { stillWanted } from './wanted-window';

/*
 * 待发送: needs typed on the phone and not yet known to the server. Each is written to localStorage
 * with its idempotency key before the first attempt and removed only when the server has answered
 * for it, so a need is never lost (closed tab, no signal) and never made twice (every attempt,
 * from any tab, carries the same key; the server answers a repeat with the first need).
 */
export type WaitingNeed = { key: string; accountId: string; body: NewNeed; savedAt: string };

const STORAGE_KEY = 'lx.needOutbox';
const CHANGED = 'lx:need-outbox';

function read(): WaitingNeed[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(list) ? (list as WaitingNeed[]) : [];
  } catch {
    return [];
  }
}

function write(list: WaitingNeed[]) {
  if (list.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  else localStorage.removeItem(STORAGE_KEY);
  window.dispatchEvent(new Event(CHANGED));
}

export const waitingNeeds = (accountId: string) => read().filter((w) => w.accountId === accountId);

/** Keeps a need on the phone under a fresh key; answers the key it will be sent with. */
export function keep(accountId: string, body: NewNeed, now = new Date()): WaitingNeed {
  const waiting = { key: crypto.randomUUID(), accountId, body: { ...body, idempotencyKey: undefined }, savedAt: now.toISOString() };
  write([...read(), waiting]);
  return waiting;
}

export const forget = (key: string) => write(read().filter((w) => w.key !== key));

/** Worth another try later: no connection, the server away or busy, the session to be renewed. */
export const isTransient = (error: unknown) => isApiError(error) && (error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500);

export const send = (waiting: WaitingNeed) => needsApi.create({ ...stillWanted(waiting.body), idempotencyKey: waiting.key });

let flushing: Promise<number> | undefined;

/**
 * Sends every waiting need of this account, one at a time; answers how many the server took. A need
 * the server refuses for good (its category closed meanwhile…) is given up after `onRefused` is told.
 * One flush at a time in this tab; another tab sending the same key at once makes no second need.
 */
export function flush(accountId: string, onRefused: (w: WaitingNeed, error: unknown) => void): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (const waiting of waitingNeeds(accountId)) {
        try {
          await send(waiting);
          forget(waiting.key);
          sent += 1;
        } catch (error) {
          if (isTransient(error)) break;
          forget(waiting.key);
          onRefused(waiting, error);
        }
      }
    } finally {
      flushing = undefined;
    }
    return sent;
  })();
  return flushing;
}

/** Calls `listener` whenever the list changes in this tab or another. */
export function onOutboxChange(listener: () => void): () => void {
  const storage = (e: StorageEvent) => e.key === STORAGE_KEY && listener();
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', storage);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('storage', storage);
  };
}
