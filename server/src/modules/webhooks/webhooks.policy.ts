import crypto from 'node:crypto';
import { isPublicAddress, literalAddress } from '../../platform/net/addresses.js';
import { needActions } from '../needs/needs.lifecycle.js';

/*
 * The rules of webhooks, pure and unit-tested: which URLs may be registered, which event types exist
 * and how a webhook's patterns match them, how a delivery is signed, and what of an event travels.
 */

/** The domain events a webhook may ask for: the order chain's (`needs.<action>`, see needs.lifecycle.ts). */
export const eventTypes: readonly string[] = ['needs.submit', ...needActions.map((a) => `needs.${a}`)];
/** The type of the event "send test event" makes; it goes only to the webhook tested. */
export const TEST_EVENT = 'webhooks.test';
/** `*` is every type; `needs.*` every type of the order chain. */
export const wildcards: readonly string[] = ['*', ...new Set(eventTypes.map((t) => `${t.split('.')[0]}.*`))];

export function matches(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

/** The patterns that name no event type and no wildcard. */
export function unknownPatterns(patterns: readonly string[]): string[] {
  return patterns.filter((p) => !eventTypes.includes(p) && !wildcards.includes(p));
}

export type UrlProblem = 'webhooks.url_invalid' | 'webhooks.url_credentials' | 'webhooks.url_private';

/**
 * Whether a URL may be a webhook: http or https, no user or password in it, and (unless the
 * installation allows private addresses) a host that is neither a private or loopback address nor
 * a local name. A name is resolved again at every call (platform/net/post.ts), so a public name
 * that resolves to a private address is refused then.
 */
export function urlProblem(raw: string, allowPrivate: boolean): UrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'webhooks.url_invalid';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'webhooks.url_invalid';
  if (url.username || url.password) return 'webhooks.url_credentials';
  if (allowPrivate) return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const literal = literalAddress(host);
  if (literal) return isPublicAddress(literal) ? undefined : 'webhooks.url_private';
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local') || !host.includes('.')) return 'webhooks.url_private';
  return undefined;
}

/** A new secret: 32 random bytes, prefixed so a leaked one is recognisable in a scan. */
export const newSecret = () => `whsec_${crypto.randomBytes(32).toString('base64url')}`;

/** `X-Lianxin-Signature`: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Keys that would carry a phone or an ID number; no event publishes one today, and none ever travels. */
const personalKey = /phone|mobile|idnumber|idcard|id_number|identity/i;

/** The event's payload as it goes out, without anything under a personal key (at any depth). */
export function outgoingData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(outgoingData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !personalKey.test(k)).map(([k, v]) => [k, outgoingData(v)]));
  }
  return value;
}

export type OutgoingEvent = { id: string; type: string; occurredAt: Date; districtId: string; subjectType: string; subjectId: string; payload: Record<string, unknown> };

/** The body of a delivery: the same bytes at every attempt. */
export function deliveryBody(e: OutgoingEvent): string {
  return JSON.stringify({ id: e.id, type: e.type, occurredAt: e.occurredAt.toISOString(), districtId: e.districtId, subject: { type: e.subjectType, id: e.subjectId }, data: outgoingData(e.payload) });
}
