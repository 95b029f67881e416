import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { severities, type Severity } from '../needs.api';

type Values = { severity: Severity; note?: string };
type Props = { severity: Severity; loading: boolean; onCancel: () => void; onSubmit: (values: Values) => void };

/** 受理: confirm the severity, which sets the deadline ("2310": 2 / 3 / 10 days). */
export function AcceptModal({ severity, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Modal open title={t('needs.action.accept')} okText={t('needs.action.accept')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel}>
      <Form form={form} layout="vertical" initialValues={{ severity }} onFinish={(v) => onSubmit({ severity: v.severity, note: v.note?.trim() || undefined })}>
        <Form.Item name="severity" label={t('needs.field.severity')} extra={t('needs.severityHint')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={severities.map((s) => ({ value: s, label: t(`needs.severity.${s}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('needs.field.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('needs.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
