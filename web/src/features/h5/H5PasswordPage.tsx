import { Button, Form, Input, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCredentialRules } from '../auth/credential-rules';
import { homePathOf, useMe } from '../auth/session';
import { useChangePassword, type PasswordChange } from '../auth/use-change-password';
import { useMobileErrorReporter } from './use-mobile-error';
import { scrollToFirstError } from './first-error';

/** Change password on the phone; forced when staff have reset it to a temporary one. */
export function H5PasswordPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordChange>();
  const rules = useCredentialRules();
  const report = useMobileErrorReporter();
  const change = useChangePassword({
    onDone: (updated) => {
      Toast.show({ icon: 'success', content: t('changePassword.done') });
      navigate(homePathOf(updated, 'h5'), { replace: true });
    },
    onError: (error) => report(error, form),
  });

  return (
    <div className="lx-h5-page">
      <NavBar back={me.account.mustChangePassword ? null : ''} onBack={() => navigate('/h5/me')}>
        {t('common:session.changePassword')}
      </NavBar>
      {me.account.mustChangePassword && <NoticeBar content={t('changePassword.forced')} color="alert" wrap />}
      <Form
        form={form}
        mode="card"
        onFinish={(values) => change.mutate(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={change.isPending}>
            {t('changePassword.submit')}
          </Button>
        }
      >
        <Form.Item name="currentPassword" label={t('changePassword.current')} rules={rules.password}>
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('changePassword.new')} help={t('passwordRules')} rules={rules.newPassword}>
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('changePassword.confirm')} dependencies={['newPassword']} rules={rules.confirmOf('newPassword')}>
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </div>
  );
}
