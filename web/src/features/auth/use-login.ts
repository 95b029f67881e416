import { useMutation } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { landingPathOf, logIn, useEnterSession, useSession } from './session';

/**
 * Signing in from the back-office or the phone login page: where to go once in (the page that
 * asked for the login if it is this user's surface, else their home), and where an already
 * signed-in visitor belongs. Each page shows a refusal its own way (`onError`).
 */
export function useLogin(surface: 'desk' | 'h5', onError: (error: Error) => void) {
  const location = useLocation();
  const session = useSession();
  const enter = useEnterSession(surface);
  const from = (location.state as { from?: string } | null)?.from;
  const login = useMutation({ mutationFn: logIn, onSuccess: (me) => enter(me, from), onError });
  return {
    login,
    /** Set when a session exists already: the page redirects there instead of asking again. */
    alreadyIn: session.data ? landingPathOf(session.data, surface, from) : null,
  };
}
