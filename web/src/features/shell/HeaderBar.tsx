import { EnvironmentOutlined } from '@ant-design/icons';
import { Layout, Tooltip } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deskHeaderItems } from '../../app/navigation';
import { Logo } from '../../components/Logo';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { allows, useMe } from '../auth/session';
import { UserMenu } from './UserMenu';

/** Party-red top bar: product name, the data scope of the signed-in user, the features' widgets (the inbox bell), language, user menu. */
export function HeaderBar() {
  const { t } = useTranslation('shell');
  const me = useMe();
  const scopeName = me.scope.regionName ?? t('common:empty');

  return (
    <Layout.Header className="lx-header">
      <Link to="/" className="lx-brand">
        <Logo size={32} />
        <span className="lx-brand-name">{t('common:app.title')}</span>
        <span className="lx-brand-sub">{t('backOffice')}</span>
      </Link>
      <div className="lx-header-right">
        {/* a data scope means something to staff; a team leader sees their team's orders, whatever their node */}
        {allows(me, 'staff') && (
          <Tooltip title={t('scopeHint')}>
            <span className="lx-scope" data-testid="data-scope">
              <EnvironmentOutlined />
              {t('scope', { name: scopeName })}
            </span>
          </Tooltip>
        )}
        {deskHeaderItems.map(({ key, Component }) => (
          <Suspense key={key} fallback={null}>
            <Component />
          </Suspense>
        ))}
        <LanguageSwitch light />
        <UserMenu />
      </div>
    </Layout.Header>
  );
}
