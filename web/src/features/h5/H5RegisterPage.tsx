import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { authApi, type Registration } from '../auth/auth.api';
import { useCredentialRules } from '../auth/credential-rules';
import { logIn, useEnterSession } from '../auth/session';
import { CommunityPicker } from './CommunityPicker';
import { PRIVACY_POLICY_VERSION } from './privacy';
import { useMobileErrorReporter } from './use-mobile-error';
import { scrollToFirstError } from './first-error';

type Values = Omit<Registration, 'privacyVersion'> & { confirm: string; agreed: boolean };

const RESEND_SECONDS = 60;

/** State the login page reads: the number to fill in, and the notice to show after registering. */
export type AfterRegistration = { phone: string; registered: true };

/**
 * The server answers a registration the same whether or not the number was free, so this page does
 * not know either: it tries the password just chosen. It works for a new number; otherwise the login
 * page explains both cases without saying which one happened.
 */
async function registerThenLogIn({ confirm: _confirm, agreed: _agreed, ...body }: Values) {
  // agreeing is ticking the box: the version sent is the one the policy page shows
  await authApi.register({ ...body, name: body.name.trim(), privacyVersion: PRIVACY_POLICY_VERSION });
  return logIn({ phone: body.phone, password: body.password }).catch(() => null);
}

/** Self-registration: a resident (optionally also a volunteer, to be approved by the community). */
export function H5RegisterPage() {
  const { t } = useTranslation(['h5', 'auth']);
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const enter = useEnterSession('h5');
  const rules = useCredentialRules();
  const report = useMobileErrorReporter();
  const register = useMutation({
    mutationFn: registerThenLogIn,
    onSuccess: (me, values) => {
      if (me) enter(me);
      else navigate('/h5/login', { replace: true, state: { phone: values.phone, registered: true } satisfies AfterRegistration });
    },
    onError: (error) => report(error, form),
  });
  // 获取验证码, then a minute's countdown before it may be asked again (the server's limit too)
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const sendCode = useMutation({
    mutationFn: authApi.sendRegistrationCode,
    onSuccess: () => {
      setWait(RESEND_SECONDS);
      Toast.show({ icon: 'success', content: t('register.codeSent') });
    },
    onError: (error) => report(error, form),
  });
  const askForCode = async () => {
    try {
      await form.validateFields(['phone', 'regionId']);
    } catch {
      Toast.show({ content: t('register.needPhoneAndCommunity') });
      return;
    }
    sendCode.mutate({ phone: form.getFieldValue('phone') as string, regionId: form.getFieldValue('regionId') as string });
  };

  return (
    <div className="lx-h5-page">
      <NavBar onBack={() => navigate('/h5/login')}>{t('register.title')}</NavBar>
      <Form
        form={form}
        mode="card"
        initialValues={{ volunteer: false, agreed: false }}
        onFinish={(values) => register.mutate(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={register.isPending} data-testid="register-submit">
            {t('register.submit')}
          </Button>
        }
      >
        <Form.Header>{t('register.about')}</Form.Header>
        <Form.Item name="name" label={t('common:field.name')} rules={[{ required: true, whitespace: true, message: t('common:field.nameRequired') }]}>
          <Input maxLength={50} placeholder={t('register.namePlaceholder')} clearable />
        </Form.Item>
        <Form.Item name="phone" label={t('common:field.phone')} rules={rules.phone}>
          <Input type="tel" maxLength={11} placeholder={t('common:field.phonePlaceholder')} clearable />
        </Form.Item>
        <Form.Item name="regionId" label={t('register.community')} rules={[{ required: true, message: t('register.communityRequired') }]}>
          <CommunityPicker placeholder={t('common:communityPicker.title')} />
        </Form.Item>
        <Form.Item
          name="smsCode"
          label={t('register.smsCode')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('register.smsCodeRequired') }]}
          extra={
            <Button size="small" color="primary" fill="outline" disabled={wait > 0} loading={sendCode.isPending} onClick={() => void askForCode()} data-testid="register-get-code">
              {wait > 0 ? t('register.resendIn', { seconds: wait }) : t('register.getCode')}
            </Button>
          }
        >
          <Input type="tel" inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t('register.smsCodePlaceholder')} clearable data-testid="register-sms-code" />
        </Form.Item>
        <Form.Header>{t('register.security')}</Form.Header>
        <Form.Item name="password" label={t('auth:password')} help={t('auth:passwordRules')} rules={rules.newPassword}>
          <Input type="password" autoComplete="new-password" clearable />
        </Form.Item>
        <Form.Item name="confirm" label={t('register.confirm')} dependencies={['password']} rules={rules.confirmOf('password')}>
          <Input type="password" autoComplete="new-password" placeholder={t('register.confirmPlaceholder')} clearable />
        </Form.Item>
        <Form.Item name="volunteer" valuePropName="checked">
          <Checkbox>{t('register.alsoVolunteer')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="agreed"
          valuePropName="checked"
          rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('register.agreeRequired')))) }]}
        >
          <Checkbox data-testid="register-agree">
            {t('register.agree')}
            <Link to="/h5/privacy" onClick={(e) => e.stopPropagation()} data-testid="privacy-link">
              {t('register.privacyLink')}
            </Link>
          </Checkbox>
        </Form.Item>
      </Form>
      <p className="lx-h5-switch">
        {t('register.haveAccount')} <Link to="/h5/login">{t('register.toLogin')}</Link>
      </p>
    </div>
  );
}
