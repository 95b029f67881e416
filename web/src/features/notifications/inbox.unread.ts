import { useQuery } from '@tanstack/react-query';

/** Every inbox query lives under ['inbox']: reading a message refreshes the bell and every list. */
export const inboxKeys = {
  all: ['inbox'] as const,
  unread: ['inbox', 'unread-count'] as const,
  lists: ['inbox', 'list'] as const,
  preferences: ['inbox', 'preferences'] as const,
};

/** The bell's number: asked every 30 s and whenever the window comes back into focus. */
export const UNREAD_POLL_MS = 30_000;

/**
 * The unread count, for the desk bell and the phone tab. The API client is imported on first ask:
 * the tab's icon loads with the manifests, before (and without) the rest of the app.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: inboxKeys.unread,
    queryFn: () => import('./inbox.api').then((m) => m.inboxApi.unreadCount()),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    select: (r) => r.count,
  });
}
