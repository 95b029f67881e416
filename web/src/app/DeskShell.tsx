import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { deskTheme } from './theme';

/** antd with the party-red theme and the UI language, for every back-office page. */
export function DeskShell() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={deskTheme}>
      <AntApp>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
