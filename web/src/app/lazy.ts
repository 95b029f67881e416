import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { i18n } from '../i18n';

/**
 * React.lazy for a page or a frame: its code is a chunk of its own, loaded on first visit together
 * with the locale namespaces it shows words of, so it renders complete (never a raw key) at once.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, namespaces: readonly string[] = []): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    const [component] = await Promise.all([load(), namespaces.length > 0 ? i18n.loadNamespaces([...namespaces]) : undefined]);
    return { default: component };
  });
}
