import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { severities, type Severity } from '../needs.api';

type Values = { severity: Severity; note?: string };
type Props = { severity: Severity; loading: boolean; onCancel: () => void; onSubmit: (values: Values) => void };

/** 受理: confirm the severity, which sets the deadline ("2310": 2 / 3 / 10 days). */
export function AcceptModal({ severity, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const [form] = Form.useForm<Values>();
  return (
    <Modal open title={t('action.accept')} okText={t('action.accept')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel}>
      <Form form={form} layout="vertical" initialValues={{ severity }} onFinish={(v) => onSubmit({ severity: v.severity, note: v.note?.trim() || undefined })}>
        <Form.Item name="severity" label={t('field.severity')} extra={t('severityHint')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
