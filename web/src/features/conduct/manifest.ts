import { defineFeature } from '../../app/feature';

/**
 * 言行负面清单: the district's list (district admins), incidents with the appeal queue and the no-show
 * reviews (staff), and the volunteer's own record with the appeal on the phone.
 */
export const conductFeature = defineFeature({
  name: 'conduct',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'conduct', access: 'staff', page: () => import('./desk/IncidentsPage').then((m) => m.IncidentsPage) },
      { path: 'conduct-entries', access: 'regions.manage', page: () => import('./desk/EntriesPage').then((m) => m.EntriesPage) },
    ],
  },
  phone: {
    member: [{ path: 'conduct', namespaces: ['needs'], page: () => import('./h5/H5MyConductPage').then((m) => m.H5MyConductPage) }],
  },
  menu: [
    { path: '/conduct', label: 'menu.incidents', hint: 'menu.incidentsHint', icon: () => import('@ant-design/icons/es/icons/WarningOutlined'), access: 'staff', order: 49 },
    { path: '/conduct-entries', label: 'menu.entries', hint: 'menu.entriesHint', icon: () => import('@ant-design/icons/es/icons/UnorderedListOutlined'), access: 'regions.manage', order: 57 },
  ],
  // for every member, not only active volunteers: a suspended volunteer has lost the role and must still see why and appeal
  phoneServices: [{ key: 'conduct', label: 'menu.mine', icon: () => import('@ant-design/icons/es/icons/SafetyCertificateOutlined'), path: '/h5/conduct', order: 80 }],
});
