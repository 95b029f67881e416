import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import { RequireDesk, RequireMember, RequireSignedIn } from '../features/auth/guards';
import type { Access } from '../features/auth/session';
import { lazyNamed } from './lazy';

// Two surfaces in one app: the desktop back office (antd) and the phone pages under /h5
// (antd-mobile). Every page is lazy, so each surface downloads only its own UI kit.
const DeskShell = lazyNamed(() => import('./DeskShell'), 'DeskShell');
const AppLayout = lazyNamed(() => import('../features/shell/AppLayout'), 'AppLayout');
const LoginPage = lazyNamed(() => import('../features/auth/LoginPage'), 'LoginPage');
const ChangePasswordPage = lazyNamed(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage');
const ProfilePasswordPage = lazyNamed(() => import('../features/auth/ProfilePasswordPage'), 'ProfilePasswordPage');
const WorkbenchPage = lazyNamed(() => import('../features/shell/WorkbenchPage'), 'WorkbenchPage');
const RequireAccess = lazyNamed(() => import('../features/shell/RequireAccess'), 'RequireAccess');
const RegionsPage = lazyNamed(() => import('../features/regions/RegionsPage'), 'RegionsPage');
const AccountsPage = lazyNamed(() => import('../features/accounts/AccountsPage'), 'AccountsPage');
const AuditPage = lazyNamed(() => import('../features/audit/AuditPage'), 'AuditPage');
const NeedsLedgerPage = lazyNamed(() => import('../features/needs/desk/NeedsLedgerPage'), 'NeedsLedgerPage');
const NeedEntryPage = lazyNamed(() => import('../features/needs/desk/NeedEntryPage'), 'NeedEntryPage');
const NeedDetailPage = lazyNamed(() => import('../features/needs/desk/NeedDetailPage'), 'NeedDetailPage');
const TeamInboxPage = lazyNamed(() => import('../features/needs/desk/TeamInboxPage'), 'TeamInboxPage');
const NeedsConfigPage = lazyNamed(() => import('../features/needs-config/NeedsConfigPage'), 'NeedsConfigPage');
const NotFoundPage = lazyNamed(() => import('../features/shell/NotFoundPage'), 'NotFoundPage');
const H5Layout = lazyNamed(() => import('../features/h5/H5Layout'), 'H5Layout');
const H5LoginPage = lazyNamed(() => import('../features/h5/H5LoginPage'), 'H5LoginPage');
const H5RegisterPage = lazyNamed(() => import('../features/h5/H5RegisterPage'), 'H5RegisterPage');
const H5PasswordPage = lazyNamed(() => import('../features/h5/H5PasswordPage'), 'H5PasswordPage');
const H5HomePage = lazyNamed(() => import('../features/h5/H5HomePage'), 'H5HomePage');
const H5MePage = lazyNamed(() => import('../features/h5/H5MePage'), 'H5MePage');
const H5NeedPostPage = lazyNamed(() => import('../features/needs/h5/H5NeedPostPage'), 'H5NeedPostPage');
const H5MyNeedsPage = lazyNamed(() => import('../features/needs/h5/H5MyNeedsPage'), 'H5MyNeedsPage');
const H5NeedDetailPage = lazyNamed(() => import('../features/needs/h5/H5NeedDetailPage'), 'H5NeedDetailPage');
const H5CloseTaskPage = lazyNamed(() => import('../features/needs/h5/H5CloseTaskPage'), 'H5CloseTaskPage');
const H5PoolPage = lazyNamed(() => import('../features/needs/h5/H5PoolPage'), 'H5PoolPage');
const H5TasksPage = lazyNamed(() => import('../features/needs/h5/H5TasksPage'), 'H5TasksPage');

/** A back-office page for the users `access` allows (the menu hides it; this covers typed URLs). */
const only = (access: Access, page: ReactNode) => <RequireAccess access={access}>{page}</RequireAccess>;

export const routes: RouteObject[] = [
  {
    element: <DeskShell />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { element: <RequireSignedIn loginPath="/login" />, children: [{ path: '/change-password', element: <ChangePasswordPage /> }] },
      {
        element: <RequireDesk />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <WorkbenchPage /> },
              { path: 'needs', element: only('staff', <NeedsLedgerPage />) },
              { path: 'needs/new', element: only('staff', <NeedEntryPage />) },
              // staff and team leaders alike; the page shows only what the server lets this user see
              { path: 'needs/:id', element: <NeedDetailPage /> },
              { path: 'team-orders', element: only('teamLeader', <TeamInboxPage />) },
              { path: 'needs-config', element: only('regions.manage', <NeedsConfigPage />) },
              { path: 'regions', element: only('regions.read', <RegionsPage />) },
              { path: 'accounts', element: only('accounts.read', <AccountsPage />) },
              { path: 'audit', element: only('audit.read', <AuditPage />) },
              { path: 'profile/password', element: <ProfilePasswordPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
  {
    path: '/h5',
    element: <H5Layout />,
    children: [
      { path: 'login', element: <H5LoginPage /> },
      { path: 'register', element: <H5RegisterPage /> },
      { element: <RequireSignedIn loginPath="/h5/login" />, children: [{ path: 'password', element: <H5PasswordPage /> }] },
      {
        element: <RequireMember />,
        children: [
          { index: true, element: <H5HomePage /> },
          { path: 'me', element: <H5MePage /> },
          { path: 'needs', element: <H5MyNeedsPage /> },
          { path: 'needs/new', element: <H5NeedPostPage /> },
          { path: 'needs/:id', element: <H5NeedDetailPage /> },
          { path: 'needs/:id/close', element: <H5CloseTaskPage /> },
          { path: 'pool', element: <H5PoolPage /> },
          { path: 'tasks', element: <H5TasksPage /> },
        ],
      },
      { path: '*', element: <Navigate to="/h5" replace /> },
    ],
  },
];
