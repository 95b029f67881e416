import { defineFeature } from '../../app/feature';

/** 接口推送: the district admin's webhooks, their secrets, test events and delivery logs. */
export const webhooksFeature = defineFeature({
  name: 'webhooks',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'webhooks', access: 'webhooks.manage', namespaces: ['needs'], page: () => import('./WebhooksPage').then((m) => m.WebhooksPage) }],
  },
  menu: [{ path: '/webhooks', label: 'menu.webhooks', hint: 'menu.webhooksHint', icon: () => import('@ant-design/icons/es/icons/ApiOutlined'), access: 'webhooks.manage', order: 95 }],
});
