import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { Logo } from '../../components/Logo';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { errorText, showOnField } from '../../lib/api-error';
import type { Credentials } from './auth.api';
import { useCredentialRules } from './credential-rules';
import { ServiceChain } from './ServiceChain';
import { useSessionExpiredNotice } from './session-expiry';
import { useLogin } from './use-login';
import './auth.css';

/** Back-office login. Residents who sign in here are sent on to the H5 pages. */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<Credentials>();
  const rules = useCredentialRules();
  const expired = useSessionExpiredNotice();
  // a refusal that names no field of this form shows above it
  const [formError, setFormError] = useState<string | null>(null);
  const { login, alreadyIn } = useLogin('desk', (error) => setFormError(showOnField(error, form) ? null : errorText(error, t('common:errors.unknown'))));

  if (alreadyIn) return <Navigate to={alreadyIn} replace />;

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
          <Form
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(values) => {
              setFormError(null);
              login.mutate(values);
            }}
          >
            <Form.Item name="phone" label={t('common:field.phone')} rules={rules.phone}>
              <Input prefix={<MobileOutlined />} placeholder={t('common:field.phonePlaceholder')} maxLength={11} autoComplete="username" inputMode="numeric" />
            </Form.Item>
            <Form.Item name="password" label={t('password')} rules={rules.password}>
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
