import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia?.(query);
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/** Whether the user asked for less motion, read once (a scroll started outside React; the hook below follows it). */
export const prefersReducedMotion = (): boolean => window.matchMedia?.(query).matches ?? false;

/**
 * Whether the user asked their system for less motion (an accessibility setting some older users and
 * people with vestibular disorders turn on), following it while the page is open.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
