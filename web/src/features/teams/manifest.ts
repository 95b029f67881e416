import { defineFeature } from '../../app/feature';

/**
 * 志愿服务队: the teams of an admin's area (list, create, edit, members, leader, requests, dissolve)
 * on the back office; on the phone a volunteer's "join a team" and "my teams", and a leader's
 * requests to accept or refuse.
 */
export const teamsFeature = defineFeature({
  name: 'teams',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'teams', access: 'accounts.manage', page: () => import('./desk/TeamsPage').then((m) => m.TeamsPage) },
      // a team's page also serves its leader on the desk (requests; the inbox links here): the server decides what each sees
      { path: 'teams/:id', page: () => import('./desk/TeamDetailPage').then((m) => m.TeamDetailPage) },
    ],
  },
  phone: {
    member: [
      { path: 'teams', page: () => import('./h5/H5TeamsPage').then((m) => m.H5TeamsPage) },
      { path: 'teams/:id', page: () => import('./h5/H5TeamPage').then((m) => m.H5TeamPage) },
    ],
  },
  // admins only: community, street and district admins run the teams of their area
  menu: [{ path: '/teams', label: 'menu.teams', hint: 'menu.teamsHint', icon: () => import('@ant-design/icons/es/icons/UsergroupAddOutlined'), access: 'accounts.manage', order: 48 }],
  phoneServices: [{ key: 'teams', label: 'menu.teams', icon: () => import('@ant-design/icons/es/icons/UsergroupAddOutlined'), path: '/h5/teams', volunteer: true, order: 44 }],
});
