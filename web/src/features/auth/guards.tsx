import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { PageLoadError, PageLoading } from '../../components/PageLoading';
import { FirstPageGate } from '../../app/FirstPageGate';
import { usesDesk } from '../../lib/roles';
import { useSession } from './session';

// Guards serve both surfaces, so they use only the kit-free PageLoading (see its comment).

function useGuardState() {
  const session = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  const from = location.pathname + location.search;
  const waiting = session.isPending ? (
    <PageLoading />
  ) : session.isError ? (
    <PageLoadError message={t('errors.sessionCheckFailed')} retry={() => void session.refetch()} />
  ) : null;
  return { me: session.data, waiting, from };
}

/** What a guard shows once the visitor may see its pages: the first address's page revealed in one pass. */
const allowed = (
  <FirstPageGate>
    <Outlet />
  </FirstPageGate>
);

/** Back-office routes: signed in, password no longer temporary, and a staff role or a team to lead. */
export function RequireDesk() {
  const { me, waiting, from } = useGuardState();
  if (waiting) return waiting;
  if (!me) return <Navigate to="/login" replace state={{ from }} />;
  if (me.account.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (!usesDesk(me.account.roles)) return <Navigate to="/h5" replace />;
  return allowed;
}

/** H5 routes for residents and volunteers (staff may look too: many also live in the community). */
export function RequireMember() {
  const { me, waiting, from } = useGuardState();
  if (waiting) return waiting;
  if (!me) return <Navigate to="/h5/login" replace state={{ from }} />;
  if (me.account.mustChangePassword) return <Navigate to="/h5/password" replace />;
  return allowed;
}

/** The password change pages: any signed-in user. */
export function RequireSignedIn({ loginPath }: { loginPath: string }) {
  const { me, waiting } = useGuardState();
  if (waiting) return waiting;
  if (!me) return <Navigate to={loginPath} replace />;
  return allowed;
}
