import { defineFeature } from '../../app/feature';

/**
 * 志愿者: the registry for staff (applications, decisions, filters, export), the application and the
 * volunteer card on the phone, and the public check of a card's QR code.
 */
export const volunteersFeature = defineFeature({
  name: 'volunteers',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    public: [{ path: 'verify/card/:code', page: () => import('./public/VerifyCardPage').then((m) => m.VerifyCardPage) }],
    app: [
      { path: 'volunteers', access: 'accounts.read', page: () => import('./desk/VolunteersPage').then((m) => m.VolunteersPage) },
      { path: 'volunteers/:id', access: 'accounts.read', namespaces: ['conduct', 'certificates'], page: () => import('./desk/VolunteerDetailPage').then((m) => m.VolunteerDetailPage) },
    ],
  },
  phone: {
    member: [{ path: 'volunteer', page: () => import('./h5/H5VolunteerPage').then((m) => m.H5VolunteerPage) }],
  },
  menu: [{ path: '/volunteers', label: 'menu.volunteers', hint: 'menu.volunteersHint', icon: () => import('@ant-design/icons/es/icons/SolutionOutlined'), access: 'accounts.read', order: 47 }],
  // residents apply here; volunteers find their card
  phoneServices: [{ key: 'volunteer', label: 'menu.volunteer', icon: () => import('@ant-design/icons/es/icons/IdcardOutlined'), path: '/h5/volunteer', order: 48 }],
});
