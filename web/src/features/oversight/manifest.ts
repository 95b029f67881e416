import { defineFeature } from '../../app/feature';

/** Oversight of handling: the 待审批 list of pause and extension requests, the badge that counts them; the need page's 办理期限 and 督办记录 sections live here too. */
export const oversightFeature = defineFeature({
  name: 'oversight',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'oversight/decisions', access: 'staff', page: () => import('./DecisionsPage').then((m) => m.DecisionsPage) }],
  },
  menu: [{ path: '/oversight/decisions', label: 'menu.decisions', hint: 'menu.decisionsHint', icon: () => import('@ant-design/icons/es/icons/AuditOutlined'), access: 'staff', order: 35 }],
  headerItems: [{ key: 'decisions', component: () => import('./DecisionsBadge').then((m) => ({ default: m.DecisionsBadge })), order: 5 }],
});
