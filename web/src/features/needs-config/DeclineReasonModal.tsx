import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { DeclineReason } from '../needs/categories.api';
import { useNeedsConfigChanges } from './needs-config.queries';

type Values = { code: string; label: string; labelEn: string };

const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Add a decline reason (a new code) or reword one. Mounted only while open. */
export function DeclineReasonModal({ reason, onClose }: { reason: DeclineReason | null; onClose: () => void }) {
  const { t } = useTranslation('needs-config');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const changes = useNeedsConfigChanges();
  const report = useApiErrorReporter();

  const submit = async (values: Values) => {
    try {
      await changes.saveDeclineReason.mutateAsync({ code: values.code.trim(), body: { label: values.label.trim(), labelEn: values.labelEn.trim(), active: true } });
      void message.success(t('common:saved'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal
      open
      title={reason ? t('reason.editTitle', { label: reason.label }) : t('reason.add')}
      okText={t('common:save')}
      confirmLoading={changes.saveDeclineReason.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={reason ?? { code: '', label: '', labelEn: '' }}>
        <Form.Item
          name="code"
          label={t('reason.code')}
          extra={reason ? undefined : t('reason.codeHint')}
          rules={[
            { required: true, message: t('reason.codeRequired') },
            { pattern: CODE_PATTERN, message: t('reason.codeInvalid') },
          ]}
        >
          <Input maxLength={40} disabled={Boolean(reason)} />
        </Form.Item>
        <Form.Item name="label" label={t('reason.label')} rules={[{ required: true, whitespace: true, message: t('reason.labelRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="labelEn" label={t('reason.labelEn')} rules={[{ required: true, whitespace: true, message: t('reason.labelRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
