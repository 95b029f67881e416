import { ConfigProvider, DotLoading, reduceMotion, restoreMotion } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router-dom';
import { useReducedMotion } from '../../app/reduced-motion';
import { NeedOutboxSender } from '../needs/h5/NeedOutboxSender';
import './h5.css';
// applies the remembered large-text choice on whichever phone page the visit starts
import './large-text';
import { useKitA11y } from './use-kit-a11y';

/**
 * antd-mobile's popups, dialogs and toasts move with react-spring, which knows nothing of the user's
 * reduced-motion setting: its global switch follows it while a phone page is open (the desk's antd
 * follows it through its theme, DeskShell).
 */
function useSpringMotion() {
  const reduced = useReducedMotion();
  useEffect(() => {
    if (!reduced) return undefined;
    reduceMotion();
    return restoreMotion;
  }, [reduced]);
}

/**
 * The phone surface: antd-mobile in the UI language; pages fill the small screen. A page opened from
 * another starts at its top, and 返回 finds the page where it was left (`ScrollRestoration`): 我的志愿者证,
 * tapped low on 我的, opened scrolled down to 退出志愿者, its card out of sight.
 */
export function H5Layout() {
  const { t, i18n } = useTranslation();
  useKitA11y(t('back'));
  useSpringMotion();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <div className="lx-h5">
        <NeedOutboxSender />
        <ScrollRestoration />
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
