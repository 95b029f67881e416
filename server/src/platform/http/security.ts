import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import { platformError } from '../errors/platform.errors.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request must come from our own pages. Browsers say where a request comes from
 * (`Sec-Fetch-Site`, `Origin`); a form or script on another site is refused even though the
 * SameSite cookie would usually stop it too. Clients that send neither (curl, server-to-server
 * integrations) carry no ambient browser cookie to abuse, so they pass.
 */
export function crossSiteWrite(request: FastifyRequest): boolean {
  if (!stateChanging.has(request.method)) return false;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return origin === 'null' || new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/**
 * The headers helmet sets, worked out once. @fastify/helmet builds helmet's middleware anew for every
 * request (parsing the policy's directives each time) in two hooks of its own; the headers never
 * change between requests, so helmet runs once here, against a response that only records them.
 */
export function securityHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
  });
  return [...headers];
}

/** Security headers (helmet), the cross-site write check, JSON-only bodies and `no-store` on the API. */
export const securityPlugin = fp(async (app: FastifyInstance, opts: { hsts: boolean }) => {
  const headers = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // antd writes its CSS-in-JS into <style> tags at run time
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'manifest-src': ["'self'"],
        'worker-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // HSTS only when the site is served over HTTPS (COOKIE_SECURE=true says so)
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });

  // bodies are JSON (or multipart for uploads): a text/plain POST is a 415, never parsed as a string
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    if (crossSiteWrite(request)) throw platformError('request.cross_site');
  });

  // answers about people must not be kept by browsers or shared caches
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
});
