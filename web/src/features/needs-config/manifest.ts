import { defineFeature } from '../../app/feature';

/** 办单配置: the district's categories, decline reasons and reply templates (words of needs too). */
export const needsConfigFeature = defineFeature({
  name: 'needs-config',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    app: [{ path: 'needs-config', access: 'regions.manage', namespaces: ['needs'], page: () => import('./NeedsConfigPage').then((m) => m.NeedsConfigPage) }],
  },
  menu: [
    { path: '/needs-config', label: 'menu.needsConfig', hint: 'menu.needsConfigHint', icon: () => import('@ant-design/icons/es/icons/SettingOutlined'), access: 'regions.manage', order: 50 },
  ],
});
