import { Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { eventLabel } from './event-labels';
import type { Webhook } from './webhooks.api';
import { useEventTypes, useWebhookChanges } from './webhooks.queries';

type Values = { url: string; description?: string; events: string[]; enabled: boolean };

/** Register a webhook (then its secret is shown once) or change one's address, name, events or switch. */
export function WebhookFormModal({ webhook, onClose, onCreated }: { webhook?: Webhook; onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useTranslation(['webhooks', 'needs']);
  const [form] = Form.useForm<Values>();
  const changes = useWebhookChanges();
  const report = useApiErrorReporter();
  const catalogue = useEventTypes().data;
  const saving = changes.create.isPending || changes.update.isPending;

  const options = catalogue && [
    { label: t('events.groupWildcards'), options: catalogue.wildcards.map((w) => ({ value: w, label: `${eventLabel(t, w)} (${w})` })) },
    { label: t('events.groupNeeds'), options: catalogue.types.map((type) => ({ value: type, label: `${eventLabel(t, type)} (${type})` })) },
  ];

  const submit = async (values: Values) => {
    const body = { url: values.url.trim(), description: values.description?.trim() ?? '', events: values.events, enabled: values.enabled };
    try {
      if (webhook) {
        await changes.update.mutateAsync({ id: webhook.id, patch: body });
        onClose();
      } else {
        const made = await changes.create.mutateAsync(body);
        onCreated(made.secret);
      }
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open width={600} title={webhook ? t('edit') : t('add')} okText={t('common:save')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={webhook ? { url: webhook.url, description: webhook.description, events: webhook.events, enabled: webhook.enabled } : { events: ['needs.*'], enabled: true }}>
        <Form.Item name="url" label={t('field.url')} extra={t('hint.url')} rules={[{ required: true, whitespace: true, message: t('required.url') }]}>
          <Input placeholder={t('placeholder.url')} maxLength={2000} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input placeholder={t('placeholder.description')} maxLength={200} data-testid="webhook-description" />
        </Form.Item>
        <Form.Item name="events" label={t('field.events')} extra={t('hint.events')} rules={[{ required: true, message: t('required.events') }]}>
          <Select mode="multiple" options={options} loading={!catalogue} placeholder={t('placeholder.events')} optionFilterProp="label" maxTagCount="responsive" />
        </Form.Item>
        <Form.Item name="enabled" label={t('field.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
