import { defineFeature } from '../../app/feature';

/** The back-office frame's own pages: the workbench (首页, staff and team leaders) and the page for unknown URLs. */
export const shellFeature = defineFeature({
  name: 'shell',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { index: true, namespaces: ['figures'], page: () => import('./WorkbenchPage').then((m) => m.WorkbenchPage) },
      { path: '*', page: () => import('./NotFoundPage').then((m) => m.NotFoundPage) },
    ],
  },
  menu: [
    { path: '/', label: 'menu.workbench', hint: 'menu.workbenchHint', icon: () => import('@ant-design/icons/es/icons/DashboardOutlined'), access: 'desk', order: 10 },
  ],
});
