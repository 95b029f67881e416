import { lazy, type ComponentType } from 'react';

/**
 * React.lazy for a named export: each page becomes its own chunk, loaded on first visit. The
 * result keeps the component's own type, so its props are still checked where it is used.
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<object> })) as unknown as M[K];
}
