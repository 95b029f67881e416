import { defineFeature } from '../../app/feature';

/**
 * 吹哨报到: the street's whistles and the units called in (back office), the units a street may call
 * (district admins), and a called unit's contact's list and report-in on the phone.
 */
export const whistlesFeature = defineFeature({
  name: 'whistles',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      // staff see their subtree's whistles; a team leader on the desk the ones they were called to
      { path: 'whistles', namespaces: ['needs'], page: () => import('./desk/WhistlesPage').then((m) => m.WhistlesPage) },
      { path: 'whistles/:id', namespaces: ['needs'], page: () => import('./desk/WhistleDetailPage').then((m) => m.WhistleDetailPage) },
      { path: 'whistle-units', access: 'regions.manage', page: () => import('./desk/UnitsPage').then((m) => m.UnitsPage) },
    ],
  },
  phone: {
    member: [
      { path: 'whistles', page: () => import('./h5/H5WhistlesPage').then((m) => m.H5WhistlesPage) },
      { path: 'whistles/:id', namespaces: ['needs'], page: () => import('./h5/H5WhistleDetailPage').then((m) => m.H5WhistleDetailPage) },
    ],
  },
  menu: [
    // staff; a team leader called in reaches a whistle from their inbox, or from the phone's services
    { path: '/whistles', label: 'menu.whistles', hint: 'menu.whistlesHint', icon: () => import('@ant-design/icons/es/icons/NotificationOutlined'), access: 'staff', order: 42 },
    { path: '/whistle-units', label: 'menu.units', hint: 'menu.unitsHint', icon: () => import('@ant-design/icons/es/icons/ClusterOutlined'), access: 'regions.manage', order: 51 },
  ],
  // a team leader called in finds it beside their tasks
  phoneServices: [{ key: 'whistles', label: 'menu.whistles', icon: () => import('@ant-design/icons/es/icons/NotificationOutlined'), path: '/h5/whistles', volunteer: true, order: 45 }],
});
