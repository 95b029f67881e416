import type { ComponentType } from 'react';
import type { Access } from '../features/auth/session';
import type { LocaleLoaders } from '../i18n';

/**
 * What a feature plugs into the app: its pages on each surface, its entries in the back-office menu
 * and on the phone, and its locale namespace. A manifest imports nothing eagerly but types: pages,
 * icons and catalogues are loaders, so the entry chunk holds the manifests and none of the code.
 */
export type FeatureManifest = {
  /** The feature's folder under features/, and its locale namespace. */
  name: string;
  locales: LocaleLoaders;
  /** The back office (antd), under / . */
  desk?: Partial<Record<DeskSlot, FeatureRoute[]>>;
  /** The phone pages (antd-mobile), under /h5 . */
  phone?: Partial<Record<PhoneSlot, FeatureRoute[]>>;
  /** Back-office side menu, also the shortcut cards of the workbench. */
  menu?: MenuEntry[];
  /** Small widgets in the back-office top bar (the inbox bell), loaded with the frame. */
  headerItems?: HeaderItem[];
  /** The bottom tab bar of the signed-in phone pages. */
  phoneTabs?: PhoneTab[];
  /** The service grid of the phone home page. */
  phoneServices?: PhoneService[];
  /** Cards on the phone home above the services, for the people whose work they show (a leader's orders to take). */
  phoneHomeCards?: PhoneHomeCard[];
};

/** public: anyone (login); signedIn: any session (password change); app: inside the back-office frame. */
export type DeskSlot = 'public' | 'signedIn' | 'app';
/** public: anyone; signedIn: any session; member: a signed-in resident or volunteer. */
export type PhoneSlot = 'public' | 'signedIn' | 'member';

export type FeatureRoute = {
  /** Relative to the surface: 'needs/:id' is /needs/:id on the desk and /h5/needs/:id on the phone. */
  path?: string;
  index?: true;
  /** The page component, loaded on first visit; `() => import('./X').then((m) => m.X)`. */
  page: () => Promise<ComponentType>;
  /** Back office only: the users it is for (the menu hides it from others; this covers typed URLs). */
  access?: Access;
  /** Other namespaces the page shows words of, loaded with it (its own and common always are). */
  namespaces?: string[];
  /**
   * Back office only: the page's name in the breadcrumb, a key in the feature's namespace (or "ns:key"),
   * for a page no menu entry names (帮助, 消息中心) or one below its menu entry; without it such a page reads "详情".
   */
  crumb?: string;
};

/** An icon component from @ant-design/icons, loaded with the surface that shows it. */
export type IconLoader = () => Promise<{ default: ComponentType }>;

export type MenuEntry = {
  path: string;
  /** Keys in the feature's namespace: the entry's name, and the line under it on the workbench card. */
  label: string;
  hint: string;
  icon: IconLoader;
  access?: Access;
  /** Position in the menu, smallest first (the workbench is 10; steps of 10 leave room). */
  order: number;
  /**
   * Route paths ('/needs/:id') under another entry that this entry's users open from it: the
   * breadcrumb puts them under this entry for a user the other entry is not for (a team leader's order).
   */
  opens?: readonly string[];
};

/** A widget of the back-office top bar, left of the language switch; smallest `order` first. */
export type HeaderItem = { key: string; component: () => Promise<{ default: ComponentType }>; order: number };

/**
 * `volunteer`: shown to active volunteers only; `roles`: only to holders of one of these roles; `spare`: a
 * tab whose page is also a tile of the phone home, left out when more than five tabs apply (the
 * smallest first: phone-tabs.ts).
 */
export type PhoneTab = { path: string; label: string; icon: IconLoader; volunteer?: true; roles?: readonly string[]; spare?: number; order: number };

/** A tile of the phone home; without a path it is shown as coming soon. */
/** `volunteer`: shown to active volunteers only; `roles`: only to holders of one of these roles (a partner unit's contact). */
export type PhoneService = { key: string; label: string; icon: IconLoader; path?: string; volunteer?: true; roles?: readonly string[]; order: number };

/** A card of the phone home, loaded only for the holders of one of `roles`; smallest `order` first. */
/** `namespaces`: other features' words the card shows besides its own feature's (loaded with its code). */
export type PhoneHomeCard = { key: string; component: () => Promise<{ default: ComponentType }>; roles: readonly string[]; order: number; namespaces?: readonly string[] };

/** Checks a manifest's shape where it is written. */
export const defineFeature = (manifest: FeatureManifest): FeatureManifest => manifest;
