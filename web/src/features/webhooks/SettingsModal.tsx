import { App, Form, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { WebhookSettings } from './webhooks.api';
import { useWebhookChanges, useWebhookSettings } from './webhooks.queries';

/** The district's retry policy: attempts per delivery, and failures in a row that switch a webhook off. */
export function SettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookSettings>();
  const settings = useWebhookSettings().data;
  const changes = useWebhookChanges();
  const report = useApiErrorReporter();

  const submit = async (values: WebhookSettings) => {
    try {
      await changes.saveSettings.mutateAsync(values);
      void message.success(t('done.saved'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open title={t('settings')} okText={t('common:save')} confirmLoading={changes.saveSettings.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {settings && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={settings}>
          <Form.Item name="maxAttempts" label={t('settingsForm.maxAttempts')} extra={t('settingsForm.maxAttemptsHint')} rules={[{ required: true }]}>
            <InputNumber min={1} max={20} precision={0} />
          </Form.Item>
          <Form.Item name="disableAfterFailures" label={t('settingsForm.disableAfterFailures')} extra={t('settingsForm.disableAfterFailuresHint')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
