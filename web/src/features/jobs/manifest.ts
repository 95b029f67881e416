import { defineFeature } from '../../app/feature';

/** 任务队列: the district's jobs and timers (warnings, confirmations, deliveries) by state, with retry. */
export const jobsFeature = defineFeature({
  name: 'jobs',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'jobs', access: 'jobs.manage', page: () => import('./JobsPage').then((m) => m.JobsPage) }],
  },
  menu: [{ path: '/jobs', label: 'menu.jobs', hint: 'menu.jobsHint', icon: () => import('@ant-design/icons/es/icons/ScheduleOutlined'), access: 'jobs.manage', order: 90 }],
});
