import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { prefetchSession } from '../features/auth/session';
import { awaitFirstPage } from './lazy';
import { queryClient } from './query-client';
import { routes, type RouteHandle } from './routes';

/**
 * Asks at once for the first page's frame, page and words and for the session, before the first
 * render (main.tsx, once the catalogues are registered): otherwise each waits for the one around it
 * (frame → guard's session → page), a round trip each, which a phone on a slow line feels (bench:budgets).
 */
export function preloadFirstPage(): void {
  awaitFirstPage(Promise.all((matchRoutes(routes, window.location) ?? []).map((match) => (match.route.handle as RouteHandle | undefined)?.preload())), window.location.pathname);
  prefetchSession(queryClient);
}

// Opt in to React Router 7 behaviour now, so the upgrade changes nothing.
const router = createBrowserRouter(routes, {
  future: { v7_relativeSplatPath: true, v7_fetcherPersist: true, v7_normalizeFormMethod: true, v7_partialHydration: true, v7_skipActionErrorRevalidation: true },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<PageLoading />}>
        <RouterProvider router={router} future={{ v7_startTransition: true }} />
      </Suspense>
    </QueryClientProvider>
  );
}
