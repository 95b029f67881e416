import { defineFeature } from '../../app/feature';

export const auditFeature = defineFeature({
  name: 'audit',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'audit', access: 'audit.read', page: () => import('./AuditPage').then((m) => m.AuditPage), namespaces: ['needs', 'volunteers', 'oversight', 'teams', 'partners', 'whistles', 'deadlines', 'figures', 'ledger', 'mall', 'jobs', 'webhooks', 'points'] }],
  },
  menu: [
    { path: '/audit', label: 'menu.audit', hint: 'menu.auditHint', icon: () => import('@ant-design/icons/es/icons/AuditOutlined'), access: 'audit.read', order: 80 },
  ],
});
