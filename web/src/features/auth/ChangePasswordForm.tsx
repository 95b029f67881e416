import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { authApi, type Me } from './auth.api';
import { sessionKey } from './session';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Current + new password (typed twice). The strength rules are the server's; it names the field. */
export function ChangePasswordForm({ onDone }: { onDone: (me: Me) => void }) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const report = useApiErrorReporter();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => authApi.changePassword({ currentPassword, newPassword }),
    onSuccess: async () => {
      void message.success(t('changePassword.done'));
      const me = await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: authApi.me, staleTime: 0 });
      onDone(me);
    },
    onError: (error) => report(error, form),
  });

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => change.mutate(values)}>
      <Form.Item name="currentPassword" label={t('changePassword.current')} rules={[{ required: true, message: t('passwordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('changePassword.new')}
        extra={<Typography.Text type="secondary">{t('passwordRules')}</Typography.Text>}
        rules={[
          { required: true, message: t('passwordRequired') },
          { min: 8, message: t('passwordTooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('changePassword.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('changePassword.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {t('changePassword.submit')}
      </Button>
    </Form>
  );
}
