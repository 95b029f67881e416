import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../auth/auth.api';
import { homePathOf, sessionKey, useMe } from '../auth/session';
import { useMobileErrorReporter } from './use-mobile-error';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Change password on the phone; forced when staff have reset it to a temporary one. */
export function H5PasswordPage() {
  const { t } = useTranslation(['common', 'auth']);
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const report = useMobileErrorReporter();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => authApi.changePassword({ currentPassword, newPassword }),
    onSuccess: async () => {
      Toast.show({ icon: 'success', content: t('auth:changePassword.done') });
      const updated = await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: authApi.me, staleTime: 0 });
      navigate(homePathOf(updated, 'h5'), { replace: true });
    },
    onError: (error) => report(error, form),
  });

  return (
    <div className="lx-h5-page">
      <NavBar back={me.account.mustChangePassword ? null : ''} onBack={() => navigate('/h5/me')}>
        {t('session.changePassword')}
      </NavBar>
      {me.account.mustChangePassword && <NoticeBar content={t('auth:changePassword.forced')} color="alert" wrap />}
      <Form
        form={form}
        mode="card"
        onFinish={(values) => change.mutate(values)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={change.isPending}>
            {t('auth:changePassword.submit')}
          </Button>
        }
      >
        <Form.Item name="currentPassword" label={t('auth:changePassword.current')} rules={[{ required: true, message: t('auth:passwordRequired') }]}>
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth:changePassword.new')} help={t('auth:passwordRules')} rules={[{ required: true, message: t('auth:passwordRequired') }, { min: 8, message: t('auth:passwordTooShort') }]}>
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth:changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth:passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth:changePassword.mismatch')))),
            }),
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </div>
  );
}
