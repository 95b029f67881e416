import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TFunction } from 'i18next';
import type { FeatureManifest, HeaderItem, IconLoader, MenuEntry, PhoneService, PhoneTab } from './feature';
import { features } from './features';

/** An entry of a menu as the surfaces draw it: its namespace for the label, its icon loaded on first show. */
type Drawn<T> = Omit<T, 'icon'> & { namespace: string; Icon: LazyExoticComponent<ComponentType> };

function collect<T extends { icon: IconLoader; order: number }>(pick: (f: FeatureManifest) => T[] | undefined): Drawn<T>[] {
  const entries = features.flatMap((f) => (pick(f) ?? []).map((entry) => ({ entry, namespace: f.name })));
  return entries
    .sort((a, b) => a.entry.order - b.entry.order)
    .map(({ entry: { icon, ...rest }, namespace }) => ({ ...rest, namespace, Icon: lazy(icon) }));
}

export type DeskMenuEntry = Drawn<MenuEntry>;
export type DrawnPhoneTab = Drawn<PhoneTab>;
export type DrawnPhoneService = Drawn<PhoneService>;

/** The back-office menu in order; an entry shows only to users it allows (permissions come from /api/auth/me). */
export const deskMenu: DeskMenuEntry[] = collect((f) => f.menu);
export const phoneTabs: DrawnPhoneTab[] = collect((f) => f.phoneTabs);
export const phoneServices: DrawnPhoneService[] = collect((f) => f.phoneServices);

/** The top bar's widgets in order, each loaded with the frame. */
export const deskHeaderItems = features
  .flatMap((f) => (f.headerItems ?? []).map((item: HeaderItem) => ({ ...item, namespace: f.name })))
  .sort((a, b) => a.order - b.order)
  .map(({ component, ...rest }) => ({ ...rest, Component: lazy(component) }));

/** The phone home's cards in order, each loaded when it is shown. */
export const phoneHomeCards = features
  .flatMap((f) => (f.phoneHomeCards ?? []).map((card) => ({ ...card, namespace: f.name })))
  .sort((a, b) => a.order - b.order)
  .map(({ component, ...rest }) => ({ ...rest, Component: lazy(component) }));

/** Whether an entry limited to some roles is for a person holding `held`. */
export const forRoles = (entry: { roles?: readonly string[] }, held: readonly string[]): boolean => !entry.roles || entry.roles.some((r) => held.includes(r));

const namespacesOf = (entries: { namespace: string }[]) => [...new Set(entries.map((e) => e.namespace))];

/** Namespaces the back-office frame shows words of on every page: its own and the menu's labels. */
export const deskFrameNamespaces = ['shell', ...namespacesOf([...deskMenu, ...deskHeaderItems])];
/** Namespaces of the signed-in phone pages' tab bar and home tiles. */
export const phoneFrameNamespaces = namespacesOf([...phoneTabs, ...phoneServices, ...phoneHomeCards]);

/** The menu entry a URL belongs to, for highlighting: the longest matching path ("/needs/new" over "/needs"). */
export function activeEntry(pathname: string): DeskMenuEntry | undefined {
  const matches = (e: DeskMenuEntry) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`));
  return deskMenu.filter(matches).sort((a, b) => b.path.length - a.path.length)[0];
}

/** The words of an entry's label or hint: a key the manifest names in its feature's namespace. */
// i18n-keys: labels named by the manifests, checked in web/test/features.test.ts
export const labelOf = (t: TFunction<string[]>, namespace: string, key: string): string => t(`${namespace}:${key}`);
