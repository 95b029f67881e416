import type { Database } from '../db/client.js';
import { createChangeCache, type ChangeCache } from '../db/change-cache.js';

/*
 * Signed-in callers kept in memory between their requests (platform/db/change-cache.ts), so a request
 * does not begin with a read of its session and account (one statement of two on a need's page; on
 * the embedded database, half of what its one connection did for that page). The database's triggers
 * (migration 0031) signal `lianxin_sessions` at commit on a change to an account's name, roles,
 * status, place or password, a session ended, or a region moved.
 */
export type SessionCache<T> = ChangeCache<T>;

/** The signed-in callers' cache (auth.service.ts). */
export function createSessionCache<T>(database: Database, log: (msg: string) => void = () => undefined): SessionCache<T> {
  return createChangeCache<T>(database, { name: 'session cache', tables: ['accounts', 'sessions', 'regions'], channels: ['lianxin_sessions'], maxEntries: 20_000 }, log);
}
