import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoUpload } from '../../needs/desk/PhotoUpload';

type Values = { text: string; photos?: string[] };

type Props = {
  title: string;
  hint: string;
  label: string;
  required: string;
  /** Photos may go with the text (a unit's part). */
  photos?: boolean;
  loading: boolean;
  extra?: ReactNode;
  onCancel: () => void;
  onSubmit: (values: { text: string; photos: string[] }) => void;
};

/** A text with an optional set of photos: a unit's part (办理情况), or the street's closing summary. */
export function TextModal({ title, hint, label, required, photos, loading, extra, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('whistles');
  const [form] = Form.useForm<Values>();
  return (
    <Modal open title={title} okText={t('common:confirm')} okButtonProps={{ loading, 'data-testid': 'text-modal-ok' }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <p className="lx-modal-hint">{hint}</p>
      {extra}
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit({ text: v.text.trim(), photos: v.photos ?? [] })}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount autoFocus data-testid="text-modal-input" />
        </Form.Item>
        {photos && (
          <Form.Item name="photos" label={t('part.photos')}>
            <PhotoUpload />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
