import { Navigate, type RouteObject } from 'react-router-dom';
import { RequireMember, RequireSignedIn, RequireStaff } from '../features/auth/guards';
import { lazyNamed } from './lazy';

// Two surfaces in one app: the desktop back office (antd) and the phone pages under /h5
// (antd-mobile). Every page is lazy, so each surface downloads only its own UI kit.
const DeskShell = lazyNamed(() => import('./DeskShell'), 'DeskShell');
const AppLayout = lazyNamed(() => import('../features/shell/AppLayout'), 'AppLayout');
const LoginPage = lazyNamed(() => import('../features/auth/LoginPage'), 'LoginPage');
const ChangePasswordPage = lazyNamed(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage');
const ProfilePasswordPage = lazyNamed(() => import('../features/auth/ProfilePasswordPage'), 'ProfilePasswordPage');
const WorkbenchPage = lazyNamed(() => import('../features/shell/WorkbenchPage'), 'WorkbenchPage');
const RequirePermission = lazyNamed(() => import('../features/shell/RequirePermission'), 'RequirePermission');
const RegionsPage = lazyNamed(() => import('../features/regions/RegionsPage'), 'RegionsPage');
const AccountsPage = lazyNamed(() => import('../features/accounts/AccountsPage'), 'AccountsPage');
const AuditPage = lazyNamed(() => import('../features/audit/AuditPage'), 'AuditPage');
const NotFoundPage = lazyNamed(() => import('../features/shell/NotFoundPage'), 'NotFoundPage');
const H5Layout = lazyNamed(() => import('../features/h5/H5Layout'), 'H5Layout');
const H5LoginPage = lazyNamed(() => import('../features/h5/H5LoginPage'), 'H5LoginPage');
const H5RegisterPage = lazyNamed(() => import('../features/h5/H5RegisterPage'), 'H5RegisterPage');
const H5PasswordPage = lazyNamed(() => import('../features/h5/H5PasswordPage'), 'H5PasswordPage');
const H5HomePage = lazyNamed(() => import('../features/h5/H5HomePage'), 'H5HomePage');
const H5MePage = lazyNamed(() => import('../features/h5/H5MePage'), 'H5MePage');

export const routes: RouteObject[] = [
  {
    element: <DeskShell />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { element: <RequireSignedIn loginPath="/login" />, children: [{ path: '/change-password', element: <ChangePasswordPage /> }] },
      {
        element: <RequireStaff />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <WorkbenchPage /> },
              { path: 'regions', element: (
                  <RequirePermission permission="regions.read">
                    <RegionsPage />
                  </RequirePermission>
                ) },
              { path: 'accounts', element: (
                  <RequirePermission permission="accounts.read">
                    <AccountsPage />
                  </RequirePermission>
                ) },
              { path: 'audit', element: (
                  <RequirePermission permission="audit.read">
                    <AuditPage />
                  </RequirePermission>
                ) },
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
        ],
      },
      { path: '*', element: <Navigate to="/h5" replace /> },
    ],
  },
];
