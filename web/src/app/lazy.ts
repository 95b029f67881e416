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
        // shown once by the router's error page; a later render (the next visit) asks again
        failure = { error };
        started = undefined;
        throw error;
      } finally {
        changed(-1);
      }
    })());
  function Page(props: P) {
    if (loaded) return createElement(loaded, props);
    if (failure) {
      const { error } = failure;
      failure = undefined;
      throw error;
    }
    // suspends until the code and the words are here (React renders again when the promise settles)
    throw start();
  }
  return Object.assign(Page, { preload: () => start().then(ignore, ignore) });
}

const ignore = () => undefined;

/*
 * The pages matched by the address the app opened on. The surfaces' frames (H5Layout, DeskShell) and
 * the guards show their loading state as plain content until these have arrived, never as a Suspense
 * fallback that the page would then replace: the page shows in the pass that reveals it.
 */
let firstPageReady = true;
const firstPageListeners = new Set<() => void>();
export function awaitFirstPage(loading: Promise<unknown>): void {
  firstPageReady = false;
  void loading.finally(() => {
    firstPageReady = true;
    for (const listener of firstPageListeners) listener();
  });
}
const onFirstPage = (listener: () => void) => {
  firstPageListeners.add(listener);
  return () => void firstPageListeners.delete(listener);
};
/** Whether the pages of the address the app opened on have arrived (true ever after). */
export const useFirstPageReady = (): boolean => useSyncExternalStore(onFirstPage, () => firstPageReady);
