import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * The district a call chain writes for: a request's handler's, its signed-in caller's (auth-plugin.ts). A
 * commit of this process is told to what it keeps in memory with it (writes.ts, change-cache.ts), so
 * that a district's kept pages and counts are not let go of when another district works. Only a
 * signed-in caller names one: everything they may write is in their own district (data scope). A
 * chain that names none (a login, a registration, the jobs, a script) lets go of every district's.
 */
type WritingFor = { districtId?: string };
const chain = new AsyncLocalStorage<WritingFor>();

/** Runs `next` in a chain of its own, which writes for `districtId` (none if not given) until `writesFor` says otherwise. */
export function inWriteChain(districtId: string | undefined, next: () => void): void {
  chain.run({ districtId }, next);
}

/**
 * Names the district this chain writes for (nothing outside a chain begun by `inWriteChain`); none, for a
 * handler that writes for another account than its caller's (a login, a registration).
 */
export function writesFor(districtId: string | undefined): void {
  const store = chain.getStore();
  if (store) store.districtId = districtId;
}

/**
 * Runs `work` outside any write chain: what it starts (a poll loop's timers) names no district, even when
 * started from a request. The jobs and the event deliveries work for every district.
 */
export function outsideWriteChain<T>(work: () => T): T {
  return chain.exit(work);
}

/** The district this call chain writes for, if it names one. */
export function districtOfWrites(): string | undefined {
  return chain.getStore()?.districtId;
}
