import { defineFeature } from '../../app/feature';

const staff = ['gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin'];

/** The order chain: the ledger, entry, detail and team inbox in the back office; post, follow, grab and serve on the phone. */
export const needsFeature = defineFeature({
  name: 'needs',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'needs', access: 'staff', page: () => import('./desk/NeedsLedgerPage').then((m) => m.NeedsLedgerPage) },
      { path: 'needs/new', access: 'staff', page: () => import('./desk/NeedEntryPage').then((m) => m.NeedEntryPage) },
      // staff and team leaders alike; the page shows only what the server lets this user see
      { path: 'needs/:id', namespaces: ['whistles', 'oversight'], page: () => import('./desk/NeedDetailPage').then((m) => m.NeedDetailPage) },
      { path: 'team-orders', access: 'teamLeader', page: () => import('./desk/TeamInboxPage').then((m) => m.TeamInboxPage) },
    ],
  },
  phone: {
    member: [
      { path: 'needs', page: () => import('./h5/H5MyNeedsPage').then((m) => m.H5MyNeedsPage) },
      { path: 'needs/new', page: () => import('./h5/H5NeedPostPage').then((m) => m.H5NeedPostPage) },
      { path: 'needs/:id', page: () => import('./h5/H5NeedDetailPage').then((m) => m.H5NeedDetailPage) },
      { path: 'needs/:id/close', page: () => import('./h5/H5CloseTaskPage').then((m) => m.H5CloseTaskPage) },
      { path: 'pool', page: () => import('./h5/H5PoolPage').then((m) => m.H5PoolPage) },
      { path: 'tasks', page: () => import('./h5/H5TasksPage').then((m) => m.H5TasksPage) },
      // team leaders and staff work on the phone too: the leader's orders, staff's to-do list
      { path: 'team-orders', page: () => import('./h5/H5TeamOrdersPage').then((m) => m.H5TeamOrdersPage) },
      { path: 'work', page: () => import('./h5/H5WorkPage').then((m) => m.H5WorkPage) },
    ],
  },
  menu: [
    { path: '/needs', label: 'menu.needs', hint: 'menu.needsHint', icon: () => import('@ant-design/icons/es/icons/ProfileOutlined'), access: 'staff', order: 20 },
    { path: '/needs/new', label: 'menu.needEntry', hint: 'menu.needEntryHint', icon: () => import('@ant-design/icons/es/icons/FormOutlined'), access: 'staff', order: 30 },
    // a team leader who is not staff sees just this entry
    { path: '/team-orders', label: 'menu.teamOrders', hint: 'menu.teamOrdersHint', icon: () => import('@ant-design/icons/es/icons/FlagOutlined'), access: 'teamLeader', order: 40, opens: ['/needs/:id'] },
  ],
  phoneTabs: [
    { path: '/h5/needs', label: 'h5.tab.needs', icon: () => import('@ant-design/icons/es/icons/FileTextOutlined'), spare: 1, order: 20 },
    { path: '/h5/pool', label: 'h5.tab.pool', icon: () => import('@ant-design/icons/es/icons/ThunderboltOutlined'), volunteer: true, spare: 2, order: 30 },
    { path: '/h5/tasks', label: 'h5.tab.tasks', icon: () => import('@ant-design/icons/es/icons/ToolOutlined'), volunteer: true, spare: 3, order: 40 },
    { path: '/h5/team-orders', label: 'h5.tab.teamOrders', icon: () => import('@ant-design/icons/es/icons/FlagOutlined'), roles: ['teamLeader'], order: 12 },
    { path: '/h5/work', label: 'h5.tab.work', icon: () => import('@ant-design/icons/es/icons/AuditOutlined'), roles: staff, order: 14 },
  ],
  phoneHomeCards: [
    // a resident's needs waiting for their rating come first (every account can order)
    { key: 'rate', component: () => import('./h5/H5RateCard').then((m) => ({ default: m.H5RateCard })), roles: ['resident', 'volunteer', 'teamLeader', 'partner', ...staff], order: 5 },
    { key: 'volunteer', component: () => import('./h5/H5VolunteerCard').then((m) => ({ default: m.H5VolunteerCard })), roles: ['volunteer'], order: 8, namespaces: ['volunteers'] },
    { key: 'work', component: () => import('./h5/H5WorkCard').then((m) => ({ default: m.H5WorkCard })), roles: ['teamLeader', ...staff], order: 10 },
  ],
  phoneServices: [
    { key: 'needs', label: 'h5.service.needs', icon: () => import('@ant-design/icons/es/icons/HeartOutlined'), path: '/h5/needs/new', order: 10 },
    { key: 'myNeeds', label: 'h5.service.myNeeds', icon: () => import('@ant-design/icons/es/icons/FileTextOutlined'), path: '/h5/needs', order: 20 },
    { key: 'pool', label: 'h5.service.pool', icon: () => import('@ant-design/icons/es/icons/ThunderboltOutlined'), path: '/h5/pool', volunteer: true, order: 30 },
    { key: 'tasks', label: 'h5.service.tasks', icon: () => import('@ant-design/icons/es/icons/ToolOutlined'), path: '/h5/tasks', volunteer: true, order: 40 },
  ],
});
