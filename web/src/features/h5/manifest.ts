import { defineFeature } from '../../app/feature';

/** The phone's own pages: sign in, register, password, home and "me"; the frame of tabs and services. */
export const h5Feature = defineFeature({
  name: 'h5',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  phone: {
    public: [
      { path: 'login', namespaces: ['auth'], page: () => import('./H5LoginPage').then((m) => m.H5LoginPage) },
      { path: 'register', namespaces: ['auth'], page: () => import('./H5RegisterPage').then((m) => m.H5RegisterPage) },
      { path: 'privacy', page: () => import('./H5PrivacyPage').then((m) => m.H5PrivacyPage) },
    ],
    signedIn: [{ path: 'password', namespaces: ['auth'], page: () => import('./H5PasswordPage').then((m) => m.H5PasswordPage) }],
    member: [
      { index: true, page: () => import('./H5HomePage').then((m) => m.H5HomePage) },
      { path: 'me', namespaces: ['volunteers', 'ledger'], page: () => import('./H5MePage').then((m) => m.H5MePage) },
    ],
  },
  phoneTabs: [
    { path: '/h5', label: 'tab.home', icon: () => import('@ant-design/icons/es/icons/HomeOutlined'), order: 10 },
    { path: '/h5/me', label: 'tab.me', icon: () => import('@ant-design/icons/es/icons/UserOutlined'), order: 90 },
  ],
});
