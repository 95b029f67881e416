import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { Logo } from '../../components/Logo';
import { PHONE_PATTERN } from '../../lib/patterns';
import type { Credentials } from '../auth/auth.api';
import { landingPathOf, logIn, useEnterSession, useSession } from '../auth/session';
import type { AfterRegistration } from './H5RegisterPage';
import { H5QuickToggles } from './H5QuickToggles';
import { useMobileErrorReporter } from './use-mobile-error';

/** Phone login for residents and volunteers; staff who sign in here go on to the back office. */
export function H5LoginPage() {
  const { t } = useTranslation(['h5', 'auth']);
  const [form] = Form.useForm<Credentials>();
  const location = useLocation();
  const session = useSession();
  const enter = useEnterSession('h5');
  const state = location.state as ({ from?: string } & Partial<AfterRegistration>) | null;
  const from = state?.from;
  const report = useMobileErrorReporter();
  const login = useMutation({
    mutationFn: logIn,
    onSuccess: (me) => enter(me, from),
    onError: (error) => report(error, form),
  });

  if (session.data) return <Navigate to={landingPathOf(session.data, 'h5', from)} replace />;

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
        footer={
          <Button block type="submit" color="primary" size="large" loading={login.isPending} data-testid="h5-login-submit">
            {t('auth:login.submit')}
          </Button>
        }
      >
        <Form.Item
          name="phone"
          label={t('common:field.phone')}
          rules={[
            { required: true, message: t('common:field.phoneRequired') },
            { pattern: PHONE_PATTERN, message: t('common:field.phoneInvalid') },
          ]}
        >
          <Input placeholder={t('common:field.phonePlaceholder')} maxLength={11} type="tel" autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="password" label={t('auth:password')} rules={[{ required: true, message: t('auth:passwordRequired') }]}>
          <Input placeholder={t('auth:passwordPlaceholder')} type="password" autoComplete="current-password" clearable />
        </Form.Item>
      </Form>
      <p className="lx-h5-switch">
        {t('login.noAccount')} <Link to="/h5/register">{t('login.register')}</Link>
      </p>
    </div>
  );
}
