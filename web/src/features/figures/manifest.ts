import { defineFeature } from '../../app/feature';

/** 办理考核: response time, on-time rate, satisfaction, reopen rate and the overdue list, per grid, community, street or team. */
export const figuresFeature = defineFeature({
  name: 'figures',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    // the overdue list names states and severities in the needs feature's words
    app: [{ path: 'figures', access: 'staff', namespaces: ['needs'], page: () => import('./FiguresPage').then((m) => m.FiguresPage) }],
  },
  menu: [
    { path: '/figures', label: 'menu.figures', hint: 'menu.figuresHint', icon: () => import('@ant-design/icons/es/icons/BarChartOutlined'), access: 'staff', order: 45 },
  ],
});
