import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { Me } from './auth.api';
import { useCredentialRules } from './credential-rules';
import { useChangePassword, type PasswordChange } from './use-change-password';

/** Current + new password (typed twice), in the back office. The server names a field it refuses. */
export function ChangePasswordForm({ onDone }: { onDone: (me: Me) => void }) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChange>();
  const rules = useCredentialRules();
  const report = useApiErrorReporter();
  const change = useChangePassword({
    onDone: (me) => {
      void message.success(t('changePassword.done'));
      onDone(me);
    },
    onError: (error) => report(error, form),
  });

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => change.mutate(values)}>
      <Form.Item name="currentPassword" label={t('changePassword.current')} rules={rules.password}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('changePassword.new')} extra={<Typography.Text type="secondary">{t('passwordRules')}</Typography.Text>} rules={rules.newPassword}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('changePassword.confirm')} dependencies={['newPassword']} rules={rules.confirmOf('newPassword')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {t('changePassword.submit')}
      </Button>
    </Form>
  );
}
