import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { authApi, type Registration } from '../auth/auth.api';
import { useCredentialRules } from '../auth/credential-rules';
import { logIn, useEnterSession } from '../auth/session';
import { CommunityPicker } from './CommunityPicker';
import { useMobileErrorReporter } from './use-mobile-error';

type Values = Registration & { confirm: string };

/** State the login page reads: the number to fill in, and the notice to show after registering. */
export type AfterRegistration = { phone: string; registered: true };

/**
 * The server answers a registration the same whether or not the number was free, so this page does
 * not know either: it tries the password just chosen. It works for a new number; otherwise the login
 * page explains both cases without saying which one happened.
 */
async function registerThenLogIn({ confirm: _confirm, ...body }: Values) {
  await authApi.register({ ...body, name: body.name.trim() });
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

  return (
    <div className="lx-h5-page">
      <NavBar onBack={() => navigate('/h5/login')}>{t('register.title')}</NavBar>
      <Form
        form={form}
        mode="card"
        initialValues={{ volunteer: false }}
        onFinish={(values) => register.mutate(values)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={register.isPending}>
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
        <Form.Header>{t('register.security')}</Form.Header>
        <Form.Item name="password" label={t('auth:password')} help={t('auth:passwordRules')} rules={rules.newPassword}>
          <Input type="password" autoComplete="new-password" clearable />
        </Form.Item>
        <Form.Item name="confirm" label={t('auth:changePassword.confirm')} dependencies={['password']} rules={rules.confirmOf('password')}>
          <Input type="password" autoComplete="new-password" clearable />
        </Form.Item>
        <Form.Item name="volunteer" valuePropName="checked">
          <Checkbox>{t('register.alsoVolunteer')}</Checkbox>
        </Form.Item>
      </Form>
      <p className="lx-h5-switch">
        {t('register.haveAccount')} <Link to="/h5/login">{t('register.toLogin')}</Link>
      </p>
    </div>
  );
}
