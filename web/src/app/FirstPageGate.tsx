import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { useFirstPageReady } from './lazy';

/**
 * Until the pages of the address the app opened on have arrived, their loading state as plain
 * content, not as a Suspense fallback the page would replace a moment later: React holds content
 * revealed within half a second of a fallback back until that half second is over (app/lazy.ts).
 * Around the public pages (routes.tsx) and, once they know the visitor may see the page, in the guards.
 */
export function FirstPageGate({ children }: { children: ReactNode }) {
  return useFirstPageReady(useLocation().pathname) ? children : <PageLoading />;
}
