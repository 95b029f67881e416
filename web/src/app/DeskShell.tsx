import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { useReducedMotion } from './reduced-motion';
import { deskThemeFor } from './theme';

/**
 * antd with the party-red theme (no dialog animations when the user asked for less motion) and the UI
 * language, for every back-office page; a page opened from another starts at its top, and 返回 finds
 * the page where it was left (`ScrollRestoration`).
 */
export function DeskShell() {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => deskThemeFor(reducedMotion), [reducedMotion]);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <ScrollRestoration />
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
