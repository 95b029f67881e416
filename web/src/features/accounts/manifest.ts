import { defineFeature } from '../../app/feature';

export const accountsFeature = defineFeature({
  name: 'accounts',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'accounts', access: 'accounts.read', page: () => import('./AccountsPage').then((m) => m.AccountsPage) }],
  },
  menu: [
    { path: '/accounts', label: 'menu.accounts', hint: 'menu.accountsHint', icon: () => import('@ant-design/icons/es/icons/TeamOutlined'), access: 'accounts.read', order: 70 },
  ],
});
