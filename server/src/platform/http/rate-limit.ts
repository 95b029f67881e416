import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';

/**
 * Fixed-window counters for writes, per user and per IP. Kept in memory: with several instances a
 * client gets up to N × the limit, which still stops floods; login lockout (which must hold across
 * instances) lives in PostgreSQL instead (login_throttle).
 */
export class WindowCounter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Seconds until the window resets if the key is over its limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size > 50_000) this.sweep(now);
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count += 1;
    return entry.count > this.limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  private sweep(now: number) {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type RateLimitOptions = { userWritesPerMinute: number; ipWritesPerMinute: number; loginPerMinute: number };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Login and registration: limited per IP more tightly than other writes. */
    loginRateLimit?: boolean;
  }
}

export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: RateLimitOptions) => {
  const perUser = new WindowCounter(opts.userWritesPerMinute);
  const perIp = new WindowCounter(opts.ipWritesPerMinute);
  const login = new WindowCounter(opts.loginPerMinute);
  // preHandler: after the auth hook, so the user is known
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!writeMethods.has(request.method)) return;
    const waits = [perIp.hit(request.ip)];
    if (request.actor) waits.push(perUser.hit(request.actor.accountId));
    if (request.routeOptions.config.loginRateLimit) waits.push(login.hit(request.ip));
    const wait = Math.max(...waits);
    if (wait > 0) throw new AppError('rate.limited', 429, { seconds: wait });
  });
});
