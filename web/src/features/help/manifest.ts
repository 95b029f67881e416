import { defineFeature } from '../../app/feature';

/**
 * 帮助: the staff guide for the user's role (docs/guide, Markdown in the repository, zh-CN and en),
 * opened from the 帮助 link in the back-office top bar and the 使用帮助 tile on the phone home.
 */
export const helpFeature = defineFeature({
  name: 'help',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'help', crumb: 'link', page: () => import('./HelpPage').then((m) => m.HelpPage) }],
  },
  phone: {
    member: [{ path: 'help', page: () => import('./H5HelpPage').then((m) => m.H5HelpPage) }],
  },
  headerItems: [{ key: 'help', component: () => import('./HelpLink').then((m) => ({ default: m.HelpLink })), order: 5 }],
  phoneServices: [{ key: 'help', label: 'service', icon: () => import('@ant-design/icons/es/icons/QuestionCircleOutlined'), path: '/h5/help', order: 95 }],
});
