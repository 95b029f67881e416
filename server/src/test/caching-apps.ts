import { afterAll, beforeAll } from 'vitest';
import type { AppInstance } from '../app.types.js';
import { createTestApp, secondInstance, type Backend, type TestApp } from './harness.js';

/*
 * Apps whose caches are under test (needs' pages, kept counts): each helper is called inside a
 * `describe` and starts the app before its tests, closes it after. `c` holds sessions by fixture name.
 */

/** The test app with its needs' caches listening (PostgreSQL: once this instance hears of changes). */
export type CachingApp = { t: TestApp; c: Record<string, string> };

export function cachingApp(backend: Backend, logins: readonly string[]): CachingApp {
  const app = {} as CachingApp;
  beforeAll(async () => {
    app.t = await createTestApp(backend);
    await app.t.app.services.needs.keepingPages();
    app.c = {};
    for (const k of logins) app.c[k] = await app.t.login(k);
  });
  afterAll(() => app.t?.close());
  return app;
}

/** The test app and a second instance on its PostgreSQL database, as two machines; `c` holds the first's sessions. */
export type TwoInstances = { t: TestApp; other: AppInstance; c: Record<string, string> };

/**
 * For a `describe` of its own: starts both instances before its tests (the second one's needs' caches
 * listening) and closes them after. What one instance keeps in memory must hear of the other's changes.
 */
export function twoInstances(logins: readonly string[]): TwoInstances {
  const both = {} as TwoInstances;
  let second: Awaited<ReturnType<typeof secondInstance>> | undefined;
  beforeAll(async () => {
    both.t = await createTestApp('postgres');
    second = await secondInstance(both.t);
    both.other = second.app;
    await both.other.services.needs.keepingPages();
    both.c = {};
    for (const k of logins) both.c[k] = await both.t.login(k);
  });
  afterAll(async () => {
    await second?.close();
    await both.t?.close();
  });
  return both;
}

/** What `read` answers once it is `want` (2 s at most: a signal crosses between instances), or its last answer. */
export async function once<T>(read: () => Promise<T>, want: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 2000;
  for (;;) {
    const value = await read();
    if (want(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Runs `work` while the calls to `target[method]` are counted (`calls()` tells how many so far), and
 * puts the method back after: a service a cached read calls once per read tells how many reads ran.
 */
export async function countingCalls<T extends object, K extends keyof T>(target: T, method: K, work: (calls: () => number) => Promise<void>): Promise<void> {
  const original = target[method] as (...args: unknown[]) => unknown;
  let calls = 0;
  target[method] = ((...args: unknown[]) => {
    calls++;
    return original.apply(target, args);
  }) as T[K];
  try {
    await work(() => calls);
  } finally {
    target[method] = original as T[K];
  }
}
