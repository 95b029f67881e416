import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { sessionKey } from '../features/auth/session';
import { markSessionExpired } from '../features/auth/session-expiry';

/**
 * Session problems are handled once, here, for every request: an expired session clears the
 * cached user (the route guards then send them to login), and a pending forced password change
 * re-reads the user (the guards then send them to the change-password page).
 */
function onAnyError(error: unknown) {
  if (isApiError(error, 'auth.unauthenticated')) {
    if (queryClient.getQueryData(sessionKey)) markSessionExpired();
    queryClient.setQueryData(sessionKey, null);
  }
  else if (isApiError(error, 'auth.must_change_password')) void queryClient.invalidateQueries({ queryKey: sessionKey });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      // 4xx answers are final (no access, not found, bad input); only network or 5xx trouble is retried
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
