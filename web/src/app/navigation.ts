import { lazy, type ComponentType } from 'react';
import type { TFunction } from 'i18next';
import { drawnWhenLoaded } from '../components/NavIcon';
import type { FeatureManifest, HeaderItem, IconLoader, MenuEntry, PhoneService, PhoneTab } from './feature';
import { features } from './features';
import { PHONE_FRAME_NS } from './phone-frame-words';

/** An entry of a menu as the surfaces draw it: its namespace for the label, its icon loaded on first show. */
type Drawn<T> = Omit<T, 'icon'> & { namespace: string; Icon: ComponentType };

function collect<T extends { icon: IconLoader; order: number }>(pick: (f: FeatureManifest) => T[] | undefined): Drawn<T>[] {
  const entries = features.flatMap((f) => (pick(f) ?? []).map((entry) => ({ entry, namespace: f.name })));
  return entries
    .sort((a, b) => a.entry.order - b.entry.order)
    .map(({ entry: { icon, ...rest }, namespace }) => ({ ...rest, namespace, Icon: drawnWhenLoaded(icon) }));
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

/**
 * The phone home's cards in order, each with the namespaces its words come from: the home loads each
 * card's code and words before it mounts it (H5HomePage, with lazyPage: this module stays free of the
 * app's i18n set-up, as the web's unit tests read it in Node).
 */
export const phoneHomeCards = features
  .flatMap((f) => (f.phoneHomeCards ?? []).map(({ namespaces, ...card }) => ({ ...card, namespaces: [f.name, ...(namespaces ?? [])] })))
  .sort((a, b) => a.order - b.order);

/** Whether an entry limited to some roles is for a person holding `held`. */
export const forRoles = (entry: { roles?: readonly string[] }, held: readonly string[]): boolean => !entry.roles || entry.roles.some((r) => held.includes(r));

const namespacesOf = (entries: { namespace: string }[]) => [...new Set(entries.map((e) => e.namespace))];

/** A back-office page the breadcrumb names by itself (FeatureRoute.crumb): its full path and the words' key. */
export type NamedPage = { path: string; namespace: string; crumb: string };
export const deskNamedPages: NamedPage[] = features.flatMap((f) =>
  (f.desk?.app ?? []).flatMap((r) => (r.crumb && r.path ? [{ path: `/${r.path}`, namespace: f.name, crumb: r.crumb }] : [])),
);

/** Namespaces the back-office frame shows words of on every page: its own, the menu's labels and the breadcrumb's. */
export const deskFrameNamespaces = ['shell', ...namespacesOf([...deskMenu, ...deskHeaderItems, ...deskNamedPages])];
/** Namespaces of the signed-in phone pages' tab bar and home tiles. */
/** The phone frame's words (app/phone-frame-words.ts); a label naming another namespace (`ns:key`) brings that one. */
export const phoneFrameNamespaces = [
  PHONE_FRAME_NS,
  ...new Set([...phoneTabs, ...phoneServices].flatMap((e) => (e.label.includes(':') ? [e.label.split(':')[0]!] : [])).filter((ns) => ns !== 'common')),
];

/** The menu entry a URL belongs to, for highlighting: the longest matching path ("/needs/new" over "/needs"). */
export function activeEntry(pathname: string): DeskMenuEntry | undefined {
  const matches = (e: DeskMenuEntry) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`));
  return deskMenu.filter(matches).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Whether a route path ('teams/:id', '*') takes this URL. */
function routeMatches(route: string, pathname: string): boolean {
  const want = route.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.at(-1) === '*') return got.length >= want.length - 1 && want.slice(0, -1).every((w, i) => w.startsWith(':') || w === got[i]);
  return want.length === got.length && want.every((w, i) => w.startsWith(':') || w === got[i]);
}

/** One step of the breadcrumb: its words (a key and the namespace it is in) and where it leads, if anywhere. */
export type Crumb = { key: string; namespace: string; label: string; to?: string };

/**
 * The breadcrumb of a back-office URL: 首页, the menu entry the page belongs to, the page's own name
 * when its route gives one (帮助), else 详情 for a page below its entry (a detail); the page may add its
 * own last step (the guide's title) — `pageCrumb` — which then follows as plain words.
 */
export function crumbTrail(pathname: string, allowed: (entry: DeskMenuEntry) => boolean, pageCrumb?: string): (Crumb | { key: 'page'; text: string })[] {
  if (pathname === '/') return [];
  const entry = activeEntry(pathname);
  // an entry the user may not see is never named; a page they reach from another entry is named under that one
  // (a menu entry's own address is that entry's page, never one another entry opens: /needs/new is not /needs/:id)
  const opener = deskMenu.some((e) => e.path === pathname) ? undefined : deskMenu.find((e) => allowed(e) && e.opens?.some((route) => routeMatches(route, pathname)));
  const shown = entry && entry.path !== '/' && allowed(entry) ? entry : opener;
  const named = deskNamedPages.find((p) => p.path !== shown?.path && routeMatches(p.path, pathname));
  const deeper = !shown || pathname !== shown.path;
  const trail: (Crumb | { key: 'page'; text: string })[] = [{ key: 'home', namespace: 'shell', label: 'menu.workbench', to: '/' }];
  if (shown) trail.push({ key: shown.path, namespace: shown.namespace, label: shown.label, to: deeper ? shown.path : undefined });
  if (named) trail.push({ key: named.path, namespace: named.namespace, label: named.crumb });
  else if (deeper && !pageCrumb) trail.push({ key: 'here', namespace: 'shell', label: 'crumb.detail' });
  if (pageCrumb) trail.push({ key: 'page', text: pageCrumb });
  return trail;
}

/** The words of an entry's label or hint: a key the manifest names in its feature's namespace. */
// i18n-keys: labels named by the manifests, checked in web/test/features.test.ts
export const labelOf = (t: TFunction<string[]>, namespace: string, key: string): string => t(key.includes(':') ? key : `${namespace}:${key}`);
/** The same for a phone tab or tile, whose words are in the phone frame's catalogue under its feature. */
// i18n-keys: labels named by the manifests, checked in web/test/features.test.ts
export const phoneLabelOf = (t: TFunction<string[]>, namespace: string, key: string): string => t(key.includes(':') ? key : `${PHONE_FRAME_NS}:${namespace}.${key}`);
