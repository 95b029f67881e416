import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { PageLoadError, PageLoading } from '../../components/PageLoading';
import { useFirstPageReady } from '../../app/lazy';
import { usesDesk } from '../../lib/roles';
import { useSession } from './session';

// Guards serve both surfaces, so they use only the kit-free PageLoading (see its comment).

function useGuardState() {
  const session = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  // once the visitor may see it, the first address's page too: revealed in one pass (app/lazy.ts)
  const pageReady = useFirstPageReady(location.pathname);
  const from = location.pathname + location.search;
  const waiting = session.isPending ? (
    <PageLoading />
  ) : session.isError ? (
    <PageLoadError message={t('errors.sessionCheckFailed')} retry={() => void session.refetch()} />
  ) : null;
  return { me: session.data, waiting, from, pageWait: pageReady ? null : <PageLoading /> };
}

/** Back-office routes: signed in, password no longer temporary, and a staff role or a team to lead. */
export function RequireDesk() {
  const { me, waiting, from, pageWait } = useGuardState();
  if (waiting) return waiting;
  if (!me) return <Navigate to="/login" replace state={{ from }} />;
  if (me.account.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (!usesDesk(me.account.roles)) return <Navigate to="/h5" replace />;
  return pageWait ?? <Outlet />;
}

/** H5 routes for residents and volunteers (staff may look too: many also live in the community). */
export function RequireMember() {
  const { me, waiting, from, pageWait } = useGuardState();
  if (waiting) return waiting;
  if (!me) return <Navigate to="/h5/login" replace state={{ from }} />;
  if (me.account.mustChangePassword) return <Navigate to="/h5/password" replace />;
  return pageWait ?? <Outlet />;
}

/** The password change pages: any signed-in user. */
export function RequireSignedIn({ loginPath }: { loginPath: string }) {
  const { me, waiting, pageWait } = useGuardState();
  if (waiting) return waiting;
  if (!me) return <Navigate to={loginPath} replace />;
  return pageWait ?? <Outlet />;
}
