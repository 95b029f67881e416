import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import { RequireDesk, RequireMember, RequireSignedIn } from '../features/auth/guards';
import type { Access } from '../features/auth/session';
import type { DeskSlot, FeatureRoute, PhoneSlot } from './feature';
import { features } from './features';
import { FirstPageGate } from './FirstPageGate';
import { lazyPage } from './lazy';
import { deskFrameNamespaces, phoneFrameNamespaces } from './navigation';

// Two surfaces in one app: the desktop back office (antd) and the phone pages under /h5
// (antd-mobile). Every page is lazy, so each surface downloads only its own UI kit. The frames are
// here; the pages come from the feature manifests (features.ts).
const DeskShell = lazyPage(() => import('./DeskShell').then((m) => m.DeskShell));
const AppLayout = lazyPage(() => import('../features/shell/AppLayout').then((m) => m.AppLayout), deskFrameNamespaces);
const RequireAccess = lazyPage(() => import('../features/shell/RequireAccess').then((m) => m.RequireAccess));
const H5Layout = lazyPage(() => import('../features/h5/H5Layout').then((m) => m.H5Layout));

/** Namespaces every page of a slot shows besides its own: the words of the frame around it. */
const frameNamespaces: Record<DeskSlot | PhoneSlot, readonly string[]> = { public: [], signedIn: [], app: deskFrameNamespaces, member: phoneFrameNamespaces };

/** A back-office page for the users `access` allows (the menu hides it; this covers typed URLs). */
const only = (access: Access | undefined, page: ReactNode) => (access ? <RequireAccess access={access}>{page}</RequireAccess> : page);

/** What a route carries for app/App.tsx: its lazy code, fetched at start when the first address matches it. */
export type RouteHandle = { preload: () => Promise<unknown> };
const handle = (...pages: { preload: () => Promise<void> }[]): RouteHandle => ({ preload: () => Promise.all(pages.map((p) => p.preload())) });

function toRoute(feature: string, slot: DeskSlot | PhoneSlot, route: FeatureRoute): RouteObject {
  const Page = lazyPage(route.page, [feature, ...(route.namespaces ?? []), ...frameNamespaces[slot]]);
  const element = slot === 'public' ? <FirstPageGate>{only(route.access, <Page />)}</FirstPageGate> : only(route.access, <Page />);
  const preload = handle(...(route.access ? [Page, RequireAccess] : [Page]));
  return route.index ? { index: true, element, handle: preload } : { path: route.path, element, handle: preload };
}

const desk = (slot: DeskSlot) => features.flatMap((f) => (f.desk?.[slot] ?? []).map((r) => toRoute(f.name, slot, r)));
const phone = (slot: PhoneSlot) => features.flatMap((f) => (f.phone?.[slot] ?? []).map((r) => toRoute(f.name, slot, r)));

export const routes: RouteObject[] = [
  {
    element: <DeskShell />,
    handle: handle(DeskShell),
    children: [
      ...desk('public'),
      { element: <RequireSignedIn loginPath="/login" />, children: desk('signedIn') },
      { element: <RequireDesk />, children: [{ element: <AppLayout />, handle: handle(AppLayout), children: desk('app') }] },
    ],
  },
  {
    path: '/h5',
    element: <H5Layout />,
    handle: handle(H5Layout),
    children: [
      ...phone('public'),
      { element: <RequireSignedIn loginPath="/h5/login" />, children: phone('signedIn') },
      { element: <RequireMember />, children: phone('member') },
      { path: '*', element: <Navigate to="/h5" replace /> },
    ],
  },
];
