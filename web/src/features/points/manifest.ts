import { defineFeature } from '../../app/feature';

/**
 * 积分: the district's points rules (加减分细则) with their versions and the caps (district admins), the
 * points issued, deducted, redeemed and outstanding per community (staff), and — on the volunteer's page —
 * their passbook with awards and reversals.
 */
export const pointsFeature = defineFeature({
  name: 'points',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'points', access: 'staff', page: () => import('./desk/PointsFiguresPage').then((m) => m.PointsFiguresPage) },
      { path: 'points-rules', access: 'regions.manage', page: () => import('./desk/PointsRulesPage').then((m) => m.PointsRulesPage) },
    ],
  },
  menu: [
    { path: '/points', label: 'menu.figures', hint: 'menu.figuresHint', icon: () => import('@ant-design/icons/es/icons/BankOutlined'), access: 'staff', order: 49.5 },
    { path: '/points-rules', label: 'menu.rules', hint: 'menu.rulesHint', icon: () => import('@ant-design/icons/es/icons/CalculatorOutlined'), access: 'regions.manage', order: 58 },
  ],
});
