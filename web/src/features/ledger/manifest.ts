import { defineFeature } from '../../app/feature';

/**
 * 时间银行 · 积分: the volunteer's passbook (储蓄存折: balances, the statement, PDF and Excel) and
 * 服务换服务 (spend hours on a service for oneself or family) on the phone.
 */
export const ledgerFeature = defineFeature({
  name: 'ledger',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  phone: {
    member: [
      { path: 'me/passbook', page: () => import('./h5/H5PassbookPage').then((m) => m.H5PassbookPage) },
      { path: 'me/time-bank', page: () => import('./h5/H5WithdrawPage').then((m) => m.H5WithdrawPage), namespaces: ['needs'] },
    ],
  },
  phoneServices: [
    // the home's 时间银行 tile (it was "coming soon" in the h5 feature) opens the passbook
    { key: 'timeBank', label: 'h5.services.timeBank', icon: () => import('@ant-design/icons/es/icons/FieldTimeOutlined'), path: '/h5/me/passbook', volunteer: true, order: 60 },
    { key: 'serviceSwap', label: 'h5.withdraw.title', icon: () => import('@ant-design/icons/es/icons/SwapOutlined'), path: '/h5/me/time-bank', volunteer: true, order: 61 },
  ],
});
