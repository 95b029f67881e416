import { defineFeature } from '../../app/feature';

/**
 * 岗位 (posts): the district's post types (district admins), each community's posts with quotas and
 * their claimants (staff), and on the phone the posts near a volunteer, marked by fit, to claim.
 */
export const postsFeature = defineFeature({
  name: 'posts',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [
      { path: 'posts', access: 'staff', page: () => import('./desk/PostsPage').then((m) => m.PostsPage) },
      { path: 'post-types', access: 'regions.manage', page: () => import('./desk/PostTypesPage').then((m) => m.PostTypesPage) },
    ],
  },
  phone: {
    member: [{ path: 'posts', page: () => import('./h5/H5PostsPage').then((m) => m.H5PostsPage) }],
  },
  menu: [
    { path: '/posts', label: 'menu.posts', hint: 'menu.postsHint', icon: () => import('@ant-design/icons/es/icons/SolutionOutlined'), access: 'staff', order: 46 },
    { path: '/post-types', label: 'menu.types', hint: 'menu.typesHint', icon: () => import('@ant-design/icons/es/icons/TagsOutlined'), access: 'regions.manage', order: 56 },
  ],
  phoneServices: [{ key: 'posts', label: 'menu.phonePosts', icon: () => import('@ant-design/icons/es/icons/SolutionOutlined'), path: '/h5/posts', volunteer: true, order: 42 }],
});
