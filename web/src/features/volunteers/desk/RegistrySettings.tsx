import { SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { can, useMe } from '../../auth/session';
import { volunteersApi, type RegistrySettings } from '../volunteers.api';
import { volunteerKeys } from '../volunteers.queries';

/** The district admin's registry settings: the number prefix (new numbers only) and the in-service yearly minimum. */
export function RegistrySettingsButton() {
  const { t } = useTranslation('volunteers');
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (!can(me, 'regions.manage')) return null;
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="registry-settings">
        {t('settings.title')}
      </Button>
      {open && <SettingsModal onClose={() => setOpen(false)} />}
    </>
  );
}

function SettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('volunteers');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegistrySettings>();
  const current = useQuery({ queryKey: volunteerKeys.settings, queryFn: volunteersApi.settings });
  const save = useMutation({
    mutationFn: volunteersApi.saveSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(volunteerKeys.settings, saved);
      void message.success(t('settings.saved'));
      onClose();
    },
    onError: (e) => report(e, form),
  });
  return (
    <Modal open title={t('settings.title')} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      {current.data && (
        <Form form={form} layout="vertical" initialValues={current.data} onFinish={(v) => save.mutate({ ...v, numberPrefix: v.numberPrefix.trim().toUpperCase() })}>
          <Form.Item name="numberPrefix" label={t('settings.prefix')} extra={t('settings.prefixHint')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{1,8}$/, message: t('settings.prefixRule') }]}>
            <Input maxLength={8} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="yearlyMinimumHours" label={t('settings.minimum')} extra={t('settings.minimumHint')} rules={[{ required: true }]}>
            <InputNumber min={0} max={500} addonAfter={t('hoursUnit')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
