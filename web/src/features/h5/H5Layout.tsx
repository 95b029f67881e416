import { ConfigProvider, DotLoading } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { NeedOutboxSender } from '../needs/h5/NeedOutboxSender';
import './h5.css';
// applies the remembered large-text choice on whichever phone page the visit starts
import './large-text';
import { useKitA11y } from './use-kit-a11y';

/** The phone surface: antd-mobile in the UI language; pages fill the small screen. */
export function H5Layout() {
  const { t, i18n } = useTranslation();
  useKitA11y(t('back'));
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <div className="lx-h5">
        <NeedOutboxSender />
        <Suspense
          fallback={
            <div className="lx-h5-loading">
              <DotLoading color="primary" />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </div>
    </ConfigProvider>
  );
}
