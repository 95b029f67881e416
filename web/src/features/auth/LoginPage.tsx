import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { Logo } from '../../components/Logo';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { PHONE_PATTERN } from '../../lib/patterns';
import type { Credentials } from './auth.api';
import { ServiceChain } from './ServiceChain';
import { landingPathOf, logIn, useEnterSession, useSession } from './session';
import { useSessionExpiredNotice } from './session-expiry';
import './auth.css';

/** Back-office login. Residents who sign in here are sent on to the H5 pages. */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<Credentials>();
  const location = useLocation();
  const session = useSession();
  const enter = useEnterSession('desk');
  const from = (location.state as { from?: string } | null)?.from;
  const expired = useSessionExpiredNotice();
  const login = useMutation({
    mutationFn: logIn,
    onSuccess: (me) => enter(me, from),
    onError: (error) => {
      if (isApiError(error) && error.field) form.setFields([{ name: error.field as keyof Credentials, errors: [error.message] }]);
    },
  });

  if (session.data) return <Navigate to={landingPathOf(session.data, 'desk', from)} replace />;
  const formError = login.error && !(isApiError(login.error) && login.error.field) ? login.error.message : null;

  return (
    <div className="lx-login">
      <header className="lx-login-top">
        <LanguageSwitch light />
      </header>
      <main className="lx-login-main">
        <section className="lx-login-hero">
          <Logo size={72} />
          <h1>{t('common:app.title')}</h1>
          <p className="lx-login-slogan">{t('common:app.slogan')}</p>
          <ServiceChain />
        </section>
        <Card className="lx-login-card" variant="borderless">
          <Typography.Title level={3}>{t('login.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {expired && !formError && <Alert type="info" showIcon message={t('login.expired')} className="lx-login-alert" />}
          {formError && <Alert type="error" showIcon message={formError} className="lx-login-alert" data-testid="login-error" />}
          <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(values) => login.mutate(values)}>
            <Form.Item
              name="phone"
              label={t('common:field.phone')}
              rules={[
                { required: true, message: t('common:field.phoneRequired') },
                { pattern: PHONE_PATTERN, message: t('common:field.phoneInvalid') },
              ]}
            >
              <Input prefix={<MobileOutlined />} placeholder={t('common:field.phonePlaceholder')} maxLength={11} autoComplete="username" inputMode="numeric" />
            </Form.Item>
            <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} placeholder={t('passwordPlaceholder')} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="lx-login-note">
            {t('login.note')}
          </Typography.Paragraph>
        </Card>
      </main>
      <footer className="lx-login-footer">{t('footer')}</footer>
    </div>
  );
}
