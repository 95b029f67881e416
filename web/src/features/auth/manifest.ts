import { defineFeature } from '../../app/feature';

/** Signing in and changing the password in the back office (the phone's own pages are in h5). */
export const authFeature = defineFeature({
  name: 'auth',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    public: [{ path: 'login', page: () => import('./LoginPage').then((m) => m.LoginPage) }],
    signedIn: [{ path: 'change-password', page: () => import('./ChangePasswordPage').then((m) => m.ChangePasswordPage) }],
    app: [{ path: 'profile/password', crumb: 'common:session.changePassword', page: () => import('./ProfilePasswordPage').then((m) => m.ProfilePasswordPage) }],
  },
});
