import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { i18n } from '../i18n';

/**
 * React.lazy for a page or a frame: its code is a chunk of its own, loaded on first visit together
 * with the locale namespaces it shows words of, so it renders complete (never a raw key) at once.
 */
/*
 * Pages whose code is on its way: the router keeps the old page on screen meanwhile, so the frame
 * shows a progress bar from this count (components/NavigationProgress).
 */
let loading = 0;
const listeners = new Set<() => void>();
const changed = (by: number) => {
  loading += by;
  for (const listener of listeners) listener();
};
export const pageLoads = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  count: () => loading,
};

/** A lazy page whose code and words can be asked for before it renders (the routes matched at start, app/App.tsx). */
export type LazyPage<P extends object> = LazyExoticComponent<ComponentType<P>> & { preload: () => void };

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, namespaces: readonly string[] = []): LazyPage<P> {
  let started: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () =>
    (started ??= (async () => {
      changed(1);
      try {
        const [component] = await Promise.all([load(), namespaces.length > 0 ? i18n.loadNamespaces([...namespaces]) : undefined]);
        return { default: component };
      } finally {
        changed(-1);
      }
    })());
  return Object.assign(lazy(start), { preload: () => void start().catch(() => undefined) });
}
