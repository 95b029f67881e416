import { createElement, useSyncExternalStore, type ComponentType } from 'react';
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
export type LazyPage<P extends object> = ComponentType<P> & { preload: () => Promise<void> };

/*
 * Not React.lazy: once the code and words are here the page renders in the same pass, with no
 * suspension at all. React.lazy suspends on its first render even when its code has already arrived,
 * and a fallback shown then makes React hold the page back by its fallback throttle (about half a
 * second) when it reveals it: the phone home's first load on a slow line (bench:budgets).
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, namespaces: readonly string[] = []): LazyPage<P> {
  let started: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  let failure: { error: unknown } | undefined;
  const start = () =>
    (started ??= (async () => {
      changed(1);
      try {
        const [component] = await Promise.all([load(), namespaces.length > 0 ? i18n.loadNamespaces([...namespaces]) : undefined]);
        loaded = component;
        return component;
      } catch (error) {
        // kept, as React.lazy keeps a rejection: React renders a throwing component again at once,
        // and a failure cleared there would start a new download in a loop instead of the error page
        failure = { error };
        throw error;
      } finally {
        changed(-1);
      }
    })());
  function Page(props: P) {
    if (loaded) return createElement(loaded, props);
    if (failure) throw failure.error;
    // suspends until the code and the words are here (React renders again when the promise settles)
    throw start();
  }
  return Object.assign(Page, { preload: () => start().then(ignore, ignore) });
}

const ignore = () => undefined;

/*
 * The pages matched by the address the app opened on. The guards (once they know the visitor may see
 * the page) and the public routes (routes.tsx) show their loading state as plain content until these
 * have arrived, never as a Suspense fallback that the page would then replace: the page shows in the
 * pass that reveals it.
 */
let firstPageReady = true;
let firstPagePath: string | undefined;
const firstPageListeners = new Set<() => void>();
export function awaitFirstPage(loading: Promise<unknown>, pathname: string): void {
  firstPageReady = false;
  firstPagePath = pathname;
  void loading.finally(() => {
    firstPageReady = true;
    for (const listener of firstPageListeners) listener();
  });
}
const onFirstPage = (listener: () => void) => {
  firstPageListeners.add(listener);
  return () => void firstPageListeners.delete(listener);
};
/**
 * Whether a page at `pathname` may show: the pages of the address the app opened on have arrived, or
 * this is another address (a redirect to sign-in never waits for the page it came from).
 */
export const useFirstPageReady = (pathname: string): boolean => useSyncExternalStore(onFirstPage, () => firstPageReady) || pathname !== firstPagePath;
