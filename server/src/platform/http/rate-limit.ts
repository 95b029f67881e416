import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/client.js';
import { platformError } from '../errors/platform.errors.js';
import { rateCounters } from './rate-limit.table.js';

/** Counts hits per bucket in fixed one-minute windows; answers the count after this hit, per bucket. */
export type RateStore = { hit(buckets: string[], now?: number): Promise<number[]> };

const WINDOW_MS = 60_000;
const windowOf = (now: number) => Math.floor(now / WINDOW_MS) * WINDOW_MS;

/** In memory: the default with embedded PGlite, whose data folder one process owns (so one instance). */
export function memoryRateStore(): RateStore {
  const hits = new Map<string, { window: number; count: number }>();
  return {
    async hit(buckets, now = Date.now()) {
      const window = windowOf(now);
      if (hits.size > 50_000) for (const [k, v] of hits) if (v.window < window) hits.delete(k);
      return buckets.map((bucket) => {
        const entry = hits.get(bucket);
        const next = entry && entry.window === window ? { window, count: entry.count + 1 } : { window, count: 1 };
        hits.set(bucket, next);
        return next.count;
      });
    },
  };
}

/**
 * In the database (the default with DATABASE_URL): one upsert counts every bucket of a request
 * atomically, so several instances behind a load balancer share one limit instead of each granting its own.
 */
export function databaseRateStore(database: Database): RateStore {
  let lastSweep = 0;
  return {
    async hit(buckets, now = Date.now()) {
      const window = new Date(windowOf(now));
      const values = sql.join(buckets.map((b) => sql`(${b}, ${window.toISOString()}::timestamptz, 1)`), sql`, `);
      const rows = await queryRows<{ bucket: string; count: number }>(
        database.db,
        sql`INSERT INTO rate_counters (bucket, window_start, count) VALUES ${values}
            ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_counters.count + 1
            RETURNING bucket, count`,
      );
      if (now - lastSweep > WINDOW_MS) {
        lastSweep = now;
        await database.db.delete(rateCounters).where(lt(rateCounters.windowStart, new Date(windowOf(now) - WINDOW_MS)));
      }
      const counts = new Map(rows.map((r) => [r.bucket, Number(r.count)]));
      return buckets.map((b) => counts.get(b) ?? 1);
    },
  };
}

export function rateStoreFor(kind: 'memory' | 'database', database: Database): RateStore {
  return kind === 'database' ? databaseRateStore(database) : memoryRateStore();
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type RateLimitOptions = { userWritesPerMinute: number; ipWritesPerMinute: number; loginPerMinute: number; heavyReadsPerMinute: number; store: RateStore };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Login and registration: limited per IP more tightly than other writes. */
    loginRateLimit?: boolean;
    /** Exports and other reads that cost the server far more than a page: limited per user. */
    heavyRead?: boolean;
  }
}

type Limit = { bucket: string; limit: number };

function limitsFor(request: FastifyRequest, opts: RateLimitOptions): Limit[] {
  const limits: Limit[] = [];
  const user = request.actor?.accountId;
  if (writeMethods.has(request.method)) {
    limits.push({ bucket: `w:ip:${request.ip}`, limit: opts.ipWritesPerMinute });
    if (user) limits.push({ bucket: `w:u:${user}`, limit: opts.userWritesPerMinute });
    if (request.routeOptions.config.loginRateLimit) limits.push({ bucket: `login:ip:${request.ip}`, limit: opts.loginPerMinute });
  }
  if (request.routeOptions.config.heavyRead) limits.push({ bucket: `heavy:${user ?? `ip:${request.ip}`}`, limit: opts.heavyReadsPerMinute });
  return limits;
}

export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: RateLimitOptions) => {
  // preHandler: after the auth hook, so the user is known
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const limits = limitsFor(request, opts);
    if (limits.length === 0) return;
    const now = Date.now();
    const counts = await opts.store.hit(limits.map((l) => l.bucket), now);
    if (limits.some((l, i) => counts[i]! > l.limit)) {
      throw platformError('rate.limited', { params: { seconds: Math.max(1, Math.ceil((windowOf(now) + WINDOW_MS - now) / 1000)) } });
    }
  });
});
