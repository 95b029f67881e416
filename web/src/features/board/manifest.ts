import { defineFeature } from '../../app/feature';

/**
 * 社区公示栏 (SPEC §10): the district's public board on the phone, open to everyone — the wish wall,
 * needs being handled and results (only what the requester consented to, anonymised), each community's
 * figures of a month and the honour roll. Linked from the sign-in pages and the phone home.
 */
export const boardFeature = defineFeature({
  name: 'board',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  phone: {
    public: [
      { path: 'board', namespaces: ['h5'], page: () => import('./h5/H5BoardPage').then((m) => m.H5BoardPage) },
      { path: 'board/:districtId', namespaces: ['h5'], page: () => import('./h5/H5BoardPage').then((m) => m.H5BoardPage) },
    ],
  },
  phoneServices: [{ key: 'board', label: 'menu.board', icon: () => import('@ant-design/icons/es/icons/NotificationOutlined'), path: '/h5/board', order: 93 }],
});
