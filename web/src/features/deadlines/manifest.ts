import { defineFeature } from '../../app/feature';

/** 期限规则 and 节假日日历: the 2310 windows and the calendar working days are counted on. */
export const deadlinesFeature = defineFeature({
  name: 'deadlines',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'deadline-rules', access: 'regions.read', namespaces: ['needs'], page: () => import('./DeadlineRulesPage').then((m) => m.DeadlineRulesPage) },
      { path: 'holiday-calendar', access: 'regions.read', page: () => import('./HolidayCalendarPage').then((m) => m.HolidayCalendarPage) },
    ],
  },
  menu: [
    { path: '/deadline-rules', label: 'menu.rules', hint: 'menu.rulesHint', icon: () => import('@ant-design/icons/es/icons/FieldTimeOutlined'), access: 'regions.read', order: 52 },
    { path: '/holiday-calendar', label: 'menu.calendar', hint: 'menu.calendarHint', icon: () => import('@ant-design/icons/es/icons/CalendarOutlined'), access: 'regions.read', order: 54 },
  ],
});
