import { useQuery } from '@tanstack/react-query';
import { App, Form, InputNumber, Modal, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { activitiesApi, type ActivitySettings } from '../activities.api';
import { useActivityChange } from '../activities.queries';

const fields = ['lateCancelHours', 'reminderHours', 'autoCheckoutHours', 'dailyMaxHours'] as const;

/** The district's rules for activities (district admins): late cancellation, reminder, automatic check-out, daily maximum. */
export function SettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivitySettings>();
  const current = useQuery({ queryKey: ['activities', 'settings'], queryFn: activitiesApi.settings });
  const save = useActivityChange(activitiesApi.saveSettings);
  return (
    <Modal open title={t('settings.title')} okText={t('common:save')} okButtonProps={{ loading: save.isPending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {current.data ? (
        <Form<ActivitySettings> form={form} layout="vertical" initialValues={current.data} onFinish={(v) => save.mutate(v, { onSuccess: onClose, onError: (e) => void message.error(e.message) })}>
          {fields.map((f) => (
            <Form.Item key={f} name={f} label={t(`settings.${f}`)} rules={[{ required: true, message: t('form.required') }]}>
              <InputNumber min={f === 'dailyMaxHours' ? 1 : 0} max={f === 'autoCheckoutHours' || f === 'dailyMaxHours' ? 24 : 72} addonAfter={t('hours.unit')} />
            </Form.Item>
          ))}
        </Form>
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
