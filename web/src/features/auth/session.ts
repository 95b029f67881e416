import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { forgetCachedAnswers } from '../../lib/offline-cache';
import { isStaff, isTeamLeader, usesDesk, type Permission } from '../../lib/roles';
import { authApi, type Credentials, type Me } from './auth.api';

export const sessionKey = ['session'] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
async function fetchSession(): Promise<Me | null> {
  try {
    return await authApi.me();
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/**
 * Log in and return the session. A user with a temporary password is signed in but the server
 * answers the login itself with `auth.must_change_password`; the session is then read from /me,
 * and the caller sends the user on to the change-password page.
 */
export async function logIn(credentials: Credentials): Promise<Me> {
  try {
    return await authApi.login(credentials);
  } catch (error) {
    if (isApiError(error, 'auth.must_change_password')) return authApi.me();
    throw error;
  }
}

const sessionQuery = { queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false } as const;

export function useSession() {
  return useQuery(sessionQuery);
}

/** Asks for the session at start, alongside the first page's code (app/App.tsx). */
export function prefetchSession(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(sessionQuery);
}

/**
 * The session inside routes that a guard has already checked. While signing out, the cache empties
 * a moment before the guard unmounts the page; the page keeps the user it was rendered for.
 */
export function useMe(): Me {
  const { data } = useSession();
  const last = useRef(data);
  if (data) last.current = data;
  if (!last.current) throw new Error('useMe() outside a signed-in route');
  return last.current;
}

export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function usePermission(permission: Permission): boolean {
  return can(useMe(), permission);
}

/** What a back-office page asks of its user: a permission, any staff role, leading a team, or either of those (desk). */
export type Access = Permission | 'staff' | 'teamLeader' | 'desk';

export function allows(me: Me, access: Access | undefined): boolean {
  if (access === undefined) return true;
  if (access === 'staff') return isStaff(me.account.roles);
  if (access === 'teamLeader') return isTeamLeader(me.account.roles);
  if (access === 'desk') return usesDesk(me.account.roles);
  return can(me, access);
}

/** The back-office page a team leader who is not staff starts on: their team's inbox. */
export const TEAM_INBOX_PATH = '/team-orders';

/**
 * Where a user belongs: signing in on the phone keeps everyone on the phone pages (staff and team
 * leaders have their work there too); at the back office staff start on the workbench, a team
 * leader on their team's inbox, residents and volunteers go to the phone pages.
 */
export function homePathOf(me: Me, surface: 'desk' | 'h5'): string {
  if (me.account.mustChangePassword) return surface === 'h5' ? '/h5/password' : '/change-password';
  if (surface === 'h5') return '/h5';
  if (isStaff(me.account.roles)) return '/';
  return surface === 'desk' && isTeamLeader(me.account.roles) ? TEAM_INBOX_PATH : '/h5';
}

/** A page that asked for login is worth returning to only if it lies on this user's own surface. */
function fitsHome(wanted: string | undefined, home: string): wanted is string {
  if (!wanted || wanted.startsWith('/login') || wanted.startsWith('/h5/login')) return false;
  return home.startsWith('/h5') === wanted.startsWith('/h5');
}

/** Where to go after signing in: back to the page that asked for it, if it is this user's. */
export function landingPathOf(me: Me, surface: 'desk' | 'h5', wanted?: string): string {
  const home = homePathOf(me, surface);
  return fitsHome(wanted, home) ? wanted : home;
}

/** After login or registration: remember the session and go where this user belongs. */
export function useEnterSession(surface: 'desk' | 'h5') {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (me: Me, wanted?: string) => {
      queryClient.setQueryData(sessionKey, me);
      navigate(landingPathOf(me, surface, wanted), { replace: true });
    },
    [navigate, queryClient, surface],
  );
}

export function useLogout(loginPath: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      // leave first, then forget: no page of the signed-in area should render without its user
      navigate(loginPath, { replace: true });
      queryClient.clear();
      void forgetCachedAnswers();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
