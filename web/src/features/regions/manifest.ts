import { defineFeature } from '../../app/feature';

export const regionsFeature = defineFeature({
  name: 'regions',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'regions', access: 'regions.read', page: () => import('./RegionsPage').then((m) => m.RegionsPage) }],
  },
  menu: [
    { path: '/regions', label: 'menu.regions', hint: 'menu.regionsHint', icon: () => import('@ant-design/icons/es/icons/ApartmentOutlined'), access: 'regions.read', order: 60 },
  ],
});
