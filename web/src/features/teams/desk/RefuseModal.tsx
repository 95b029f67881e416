import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { open: boolean; loading: boolean; onCancel: () => void; onSubmit: (reason: string) => void };

/** Refusing a join request says why: the requester reads it in their inbox. */
export function RefuseModal({ open, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('teams');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={open} title={t('requests.refuseTitle')} okText={t('requests.refuse')} okButtonProps={{ danger: true, loading }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label={t('requests.reason')} rules={[{ required: true, whitespace: true, message: t('requests.reasonRequired') }]}>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="refuse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
