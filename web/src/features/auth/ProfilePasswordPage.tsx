import { App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Voluntary password change from the user menu, inside the back-office frame. */
export function ProfilePasswordPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <>
      <PageHeader title={t('common:session.changePassword')} description={t('changePassword.otherSessions')} />
      <Card style={{ maxWidth: 480 }}>
        <ChangePasswordForm
          onDone={() => {
            void message.info(t('changePassword.otherSessionsEnded'));
            navigate('/');
          }}
        />
      </Card>
    </>
  );
}
