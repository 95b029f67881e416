import type { ThemeConfig } from 'antd';

/** Party-building red as the primary colour, as on Chinese government and community portals. */
export const deskTheme: ThemeConfig = {
  token: {
    colorPrimary: '#b3151c',
    colorLink: '#b3151c',
    colorInfo: '#1d5fbf',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#b3151c', siderBg: '#ffffff', bodyBg: '#f3f4f6' },
    Menu: { itemSelectedBg: '#fff1f0', itemSelectedColor: '#b3151c' },
    Table: { headerBg: '#fafafa' },
  },
};

/** The desk theme with antd's opening and closing animations off when the user asked for less motion. */
export function deskThemeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...deskTheme, token: { ...deskTheme.token, motion: false } } : deskTheme;
}
