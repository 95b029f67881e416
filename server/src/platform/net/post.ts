import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress, literalAddress } from './addresses.js';

export type PostInput = {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Refuse (as a failed call) a host that is or resolves to a private address (see addresses.ts). */
  publicOnly: boolean;
};

/** What one call came to: a 2xx is `ok`; otherwise the status (if any answer came) and why. */
export type PostResult = { ok: boolean; status: number | null; durationMs: number; error: string | null };

class RefusedAddress extends Error {
  code = 'EADDRNOTALLOWED';
}

/**
 * Resolves like the system does, then refuses the connection if any address is not public. The
 * checked address is the one connected to, so a name that resolves differently a second later
 * (DNS rebinding) gains nothing.
 */
const publicLookup = ((hostname: string, options: dns.LookupOptions, callback: (err: Error | null, address: string | dns.LookupAddress[], family?: number) => void) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new RefusedAddress(`address not allowed: ${bad.address}`), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}) as unknown as LookupFunction;

/**
 * POSTs a body to a URL outside the platform (a webhook receiver, the SMS gateway) and answers how
 * it went; it never throws. Redirects are not followed (a 3xx is a failure), the whole exchange is
 * bounded by `timeoutMs`, and the answer's body is read and dropped.
 */
export function postJson(input: PostInput): Promise<PostResult> {
  const started = performance.now();
  const done = (status: number | null, error: string | null): PostResult => ({
    ok: status !== null && status >= 200 && status < 300 && error === null,
    status,
    durationMs: Math.round(performance.now() - started),
    error: error ?? (status !== null && (status < 200 || status >= 300) ? `HTTP ${status}` : null),
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      return resolve(done(null, 'not a valid URL'));
    }
    const literal = literalAddress(url.hostname);
    if (input.publicOnly && literal && !isPublicAddress(literal)) return resolve(done(null, `address not allowed: ${literal}`));
    const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!client) return resolve(done(null, `scheme not allowed: ${url.protocol}`));
    const request = client.request(url, {
      method: 'POST',
      headers: { ...input.headers, 'Content-Length': String(Buffer.byteLength(input.body)) },
      // one connection per call: nothing kept open between calls, and every connection is looked up afresh
      agent: false,
      signal: AbortSignal.timeout(input.timeoutMs),
      ...(input.publicOnly ? { lookup: publicLookup } : {}),
    });
    request.on('response', (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(done(response.statusCode ?? null, null)));
      response.on('error', (err) => resolve(done(response.statusCode ?? null, describe(err, input.timeoutMs))));
    });
    request.on('error', (err) => resolve(done(null, describe(err, input.timeoutMs))));
    request.end(input.body);
  });
}

function describe(err: Error, timeoutMs: number): string {
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return err.message.slice(0, 500);
}
