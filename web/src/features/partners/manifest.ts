import { defineFeature } from '../../app/feature';

/**
 * 共建单位 · 双报到: partner units registered by street and district admins, a unit's page of its
 * in-service party members' hours this year, those behind the yearly minimum (with "remind now"),
 * and the unit contact's page on the phone.
 */
export const partnersFeature = defineFeature({
  name: 'partners',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    // the admins of a community, a street or the district (accounts.manage; grid workers have no part here)
    app: [
      { path: 'partners', access: 'accounts.manage', page: () => import('./desk/PartnersPage').then((m) => m.PartnersPage) },
      { path: 'partners/behind', access: 'accounts.manage', page: () => import('./desk/BehindPage').then((m) => m.BehindPage) },
      { path: 'partners/:id', access: 'accounts.manage', page: () => import('./desk/PartnerUnitPage').then((m) => m.PartnerUnitPage) },
    ],
  },
  phone: {
    member: [{ path: 'partner-unit', page: () => import('./h5/H5PartnerUnitPage').then((m) => m.H5PartnerUnitPage) }],
  },
  menu: [
    { path: '/partners', label: 'menu.units', hint: 'menu.unitsHint', icon: () => import('@ant-design/icons/es/icons/BankOutlined'), access: 'accounts.manage', order: 62 },
    { path: '/partners/behind', label: 'menu.behind', hint: 'menu.behindHint', icon: () => import('@ant-design/icons/es/icons/FieldTimeOutlined'), access: 'accounts.manage', order: 63 },
  ],
  // the unit's contact (role partner) sees its members' service this year
  phoneHomeCards: [{ key: 'unit', component: () => import('./h5/H5UnitCard').then((m) => ({ default: m.H5UnitCard })), roles: ['partner'], order: 20 }],
  phoneServices: [{ key: 'partner-unit', label: 'menu.mine', icon: () => import('@ant-design/icons/es/icons/BankOutlined'), path: '/h5/partner-unit', roles: ['partner'], order: 47 }],
});
