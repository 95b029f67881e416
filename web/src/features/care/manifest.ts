import { defineFeature } from '../../app/feature';

/**
 * 关爱对象 · 一人一策 (care recipients): the registry of people under care with their pairing, plans
 * and visits (staff), and on the phone the people a volunteer looks after, with their visit log.
 */
export const careFeature = defineFeature({
  name: 'care',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'care', access: 'staff', page: () => import('./desk/CarePage').then((m) => m.CarePage) },
      { path: 'care/:id', access: 'staff', page: () => import('./desk/CareDetailPage').then((m) => m.CareDetailPage), namespaces: ['needs'] },
    ],
  },
  phone: {
    member: [
      { path: 'care', page: () => import('./h5/H5CarePage').then((m) => m.H5CarePage) },
      { path: 'care/:id', page: () => import('./h5/H5CareDetailPage').then((m) => m.H5CareDetailPage) },
    ],
  },
  menu: [{ path: '/care', label: 'menu.care', hint: 'menu.careHint', icon: () => import('@ant-design/icons/es/icons/HeartOutlined'), access: 'staff', order: 47.5 }],
  // a tile, not a tab: a volunteer who leads a team has five tabs already (app/phone-tabs.ts); not the
  // heart the desk's menu has, which 我要点单 shows on the same grid
  phoneServices: [{ key: 'care', label: 'menu.phoneCare', icon: () => import('@ant-design/icons/es/icons/ContactsOutlined'), path: '/h5/care', volunteer: true, order: 41 }],
});
