import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  title: string;
  /** Explains what happens next ("the requester sees this reason"). */
  hint?: string;
  label: string;
  required: boolean;
  danger?: boolean;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (note: string | undefined) => void;
};

/** A reason or a note for an action: reject, cancel, escalate (required), or verify (optional). */
export function NoteModal({ title, hint, label, required, danger, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <Modal open title={title} okText={t('common:confirm')} okButtonProps={{ danger, loading }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      {hint && <p className="lx-modal-hint">{hint}</p>}
      <Form form={form} layout="vertical" onFinish={({ note }) => onSubmit(note?.trim() || undefined)}>
        <Form.Item name="note" label={label} rules={required ? [{ required: true, whitespace: true, message: t('reasonRequired') }] : []}>
          <Input.TextArea rows={4} maxLength={500} showCount autoFocus data-testid="note-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
