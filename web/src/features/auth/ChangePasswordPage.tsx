import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { ChangePasswordForm } from './ChangePasswordForm';
import { homePathOf, useLogout, useMe } from './session';
import './auth.css';

/** Full-screen password change: forced after a reset or a first login with a temporary password. */
export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout('/login');
  const forced = me.account.mustChangePassword;

  return (
    <div className="lx-login">
      <header className="lx-login-top">
        <LanguageSwitch light />
      </header>
      <main className="lx-login-main lx-login-main-single">
        <Card className="lx-login-card" variant="borderless">
          <Typography.Title level={3}>{t('common:session.changePassword')}</Typography.Title>
          {forced && <Alert type="warning" showIcon message={t('changePassword.forced')} className="lx-login-alert" />}
          <ChangePasswordForm onDone={(updated) => navigate(homePathOf(updated, 'desk'), { replace: true })} />
          <Button type="link" block onClick={() => logout.mutate()}>
            {t('common:session.logout')}
          </Button>
        </Card>
      </main>
    </div>
  );
}
