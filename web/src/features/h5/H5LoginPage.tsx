import { Button, Form, Input, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { Logo } from '../../components/Logo';
import type { Credentials } from '../auth/auth.api';
import { useCredentialRules } from '../auth/credential-rules';
import { useLogin } from '../auth/use-login';
import type { AfterRegistration } from './H5RegisterPage';
import { H5QuickToggles } from './H5QuickToggles';
import { useMobileErrorReporter } from './use-mobile-error';
import { scrollToFirstError } from './first-error';

/** Phone login for every role: each finds their own work on the phone pages after it. */
export function H5LoginPage() {
  const { t } = useTranslation(['h5', 'auth']);
  const [form] = Form.useForm<Credentials>();
  const rules = useCredentialRules();
  const state = useLocation().state as Partial<AfterRegistration> | null;
  const report = useMobileErrorReporter();
  const { login, alreadyIn } = useLogin('h5', (error) => report(error, form));

  if (alreadyIn) return <Navigate to={alreadyIn} replace />;

  return (
    <div className="lx-h5-auth">
      <H5QuickToggles />
      <div className="lx-h5-brand">
        <Logo size={64} />
        <h1>{t('common:app.title')}</h1>
        <p>{t('login.welcome')}</p>
      </div>
      {state?.registered && <NoticeBar content={t('register.received')} color="info" wrap data-testid="h5-register-received" />}
      <Form
        form={form}
        layout="vertical"
        mode="card"
        initialValues={{ phone: state?.phone }}
        onFinish={(values) => login.mutate(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={login.isPending} data-testid="h5-login-submit">
            {t('auth:login.submit')}
          </Button>
        }
      >
        <Form.Item name="phone" label={t('common:field.phone')} rules={rules.phone}>
          <Input placeholder={t('common:field.phonePlaceholder')} maxLength={11} type="tel" autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="password" label={t('auth:password')} rules={rules.password}>
          <Input placeholder={t('auth:passwordPlaceholder')} type="password" autoComplete="current-password" clearable />
        </Form.Item>
      </Form>
      <p className="lx-h5-switch">
        {t('login.noAccount')} <Link to="/h5/register">{t('login.register')}</Link>
      </p>
      <p className="lx-h5-switch">
        <Link to="/h5/board" data-testid="h5-board-link">
          {t('login.board')}
        </Link>
      </p>
    </div>
  );
}
