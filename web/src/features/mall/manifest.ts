import { defineFeature } from '../../app/feature';

/**
 * 积分超市 (积分四换: 换服务、换培训、换场地、换实惠): on the phone volunteers browse the items of
 * their community and street, redeem with points and show the pickup code; providers (a partner
 * unit's contact, community staff) confirm pickups by the code on the phone. On the back office
 * community admins manage their items, see redemptions by state and confirm pickups by code.
 */
export const mallFeature = defineFeature({
  name: 'mall',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'mall', access: 'accounts.manage', page: () => import('./desk/MallItemsPage').then((m) => m.MallItemsPage) },
      { path: 'mall/redemptions', access: 'accounts.manage', page: () => import('./desk/MallRedemptionsPage').then((m) => m.MallRedemptionsPage) },
      { path: 'mall/pickup', access: 'accounts.manage', page: () => import('./desk/MallPickupPage').then((m) => m.MallPickupPage) },
    ],
  },
  phone: {
    member: [
      { path: 'mall', page: () => import('./h5/H5MallPage').then((m) => m.H5MallPage) },
      { path: 'mall/mine', page: () => import('./h5/H5RedemptionsPage').then((m) => m.H5RedemptionsPage) },
      { path: 'mall/pickup', page: () => import('./h5/H5PickupPage').then((m) => m.H5PickupPage) },
      { path: 'mall/redemptions/:id', page: () => import('./h5/H5RedemptionPage').then((m) => m.H5RedemptionPage) },
      { path: 'mall/:id', page: () => import('./h5/H5MallItemPage').then((m) => m.H5MallItemPage) },
    ],
  },
  menu: [
    { path: '/mall', label: 'menu.items', hint: 'menu.itemsHint', icon: () => import('@ant-design/icons/es/icons/ShopOutlined'), access: 'accounts.manage', order: 64 },
    { path: '/mall/redemptions', label: 'menu.redemptions', hint: 'menu.redemptionsHint', icon: () => import('@ant-design/icons/es/icons/GiftOutlined'), access: 'accounts.manage', order: 65 },
    { path: '/mall/pickup', label: 'menu.pickup', hint: 'menu.pickupHint', icon: () => import('@ant-design/icons/es/icons/ScanOutlined'), access: 'accounts.manage', order: 66 },
  ],
  phoneServices: [
    { key: 'mall', label: 'menu.mall', icon: () => import('@ant-design/icons/es/icons/ShopOutlined'), path: '/h5/mall', volunteer: true, order: 70 },
    { key: 'mall-pickup', label: 'menu.pickup', icon: () => import('@ant-design/icons/es/icons/ScanOutlined'), path: '/h5/mall/pickup', roles: ['partner'], order: 71 },
  ],
});
