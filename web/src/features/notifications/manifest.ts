import { defineFeature } from '../../app/feature';

/** Everyone's inbox: the bell and the inbox page in the back office; the 消息 tab, its list and SMS choices on the phone. */
export const notificationsFeature = defineFeature({
  name: 'notifications',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'inbox', crumb: 'title', page: () => import('./desk/InboxPage').then((m) => m.InboxPage) }],
  },
  phone: {
    member: [
      { path: 'inbox', page: () => import('./h5/H5InboxPage').then((m) => m.H5InboxPage) },
      { path: 'inbox/preferences', page: () => import('./h5/H5InboxPreferencesPage').then((m) => m.H5InboxPreferencesPage) },
    ],
  },
  headerItems: [{ key: 'inbox', component: () => import('./desk/InboxBell').then((m) => ({ default: m.InboxBell })), order: 10 }],
  // the tab's icon carries the unread badge
  phoneTabs: [{ path: '/h5/inbox', label: 'tab', icon: () => import('./h5/InboxTabIcon').then((m) => ({ default: m.InboxTabIcon })), order: 80 }],
});
