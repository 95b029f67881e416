import { defineFeature } from '../../app/feature';

/**
 * 活动: organisers schedule activities and run sign-ups, roll call and the hours queue on the back
 * office; on the phone people find activities near them, sign up, and check in by scanning the
 * organiser's rotating QR code, which the organiser shows from their own phone.
 */
export const activitiesFeature = defineFeature({
  name: 'activities',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    // 活动纪实: a finished activity's public record, for a notice board or a shared link
    public: [{ path: 'activity-record/:id', page: () => import('./public/PublicActivityPage').then((m) => m.PublicActivityPage) }],
    app: [
      { path: 'activities', page: () => import('./desk/ActivitiesPage').then((m) => m.ActivitiesPage) },
      { path: 'activities/:id', namespaces: ['needs'], page: () => import('./desk/ActivityDetailPage').then((m) => m.ActivityDetailPage) },
    ],
  },
  phone: {
    member: [
      { path: 'activities', page: () => import('./h5/H5ActivitiesPage').then((m) => m.H5ActivitiesPage) },
      { path: 'activities/check-in', page: () => import('./h5/H5CheckInPage').then((m) => m.H5CheckInPage) },
      { path: 'activities/:id', page: () => import('./h5/H5ActivityDetailPage').then((m) => m.H5ActivityDetailPage) },
      { path: 'activities/:id/code', page: () => import('./h5/H5ActivityCodePage').then((m) => m.H5ActivityCodePage) },
    ],
  },
  // staff and team leaders (both organise activities)
  menu: [{ path: '/activities', label: 'menu.activities', hint: 'menu.activitiesHint', icon: () => import('@ant-design/icons/es/icons/CalendarOutlined'), order: 44 }],
  phoneServices: [
    { key: 'activities', label: 'menu.activities', icon: () => import('@ant-design/icons/es/icons/CalendarOutlined'), path: '/h5/activities', order: 50 },
    { key: 'checkIn', label: 'h5.scanTitle', icon: () => import('@ant-design/icons/es/icons/ScanOutlined'), path: '/h5/activities/check-in', volunteer: true, order: 52 },
  ],
});
