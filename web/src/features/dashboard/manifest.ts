import { defineFeature } from '../../app/feature';

/** 数据大屏: the command centre's wall screen over the caller's subtree (SPEC §10). */
export const dashboardFeature = defineFeature({
  name: 'dashboard',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'big-screen', access: 'staff', page: () => import('./BigScreenPage').then((m) => m.BigScreenPage) }],
  },
  menu: [
    { path: '/big-screen', label: 'menu.bigScreen', hint: 'menu.bigScreenHint', icon: () => import('@ant-design/icons/es/icons/FundProjectionScreenOutlined'), access: 'staff', order: 45.5 },
  ],
});
