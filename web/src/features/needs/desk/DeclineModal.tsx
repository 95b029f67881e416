import { Alert, Form, Input, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeclineReasons } from '../needs.queries';

type Values = { reasonCode: string; note?: string };
type Props = { declineCount: number; loading: boolean; onCancel: () => void; onSubmit: (values: Values) => void };

/** 退单: the team gives one of the district's reasons; a second decline goes to the street to rule. */
export function DeclineModal({ declineCount, loading, onCancel, onSubmit }: Props) {
  const { t, i18n } = useTranslation('needs');
  const [form] = Form.useForm<Values>();
  const reasons = useDeclineReasons();
  return (
    <Modal open title={t('action.decline')} okText={t('action.decline')} okButtonProps={{ danger: true, loading }} onOk={() => form.submit()} onCancel={onCancel}>
      {declineCount >= 1 && <Alert type="warning" showIcon className="lx-page-alert" message={t('declineSecond')} />}
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit({ reasonCode: v.reasonCode, note: v.note?.trim() || undefined })}>
        <Form.Item name="reasonCode" label={t('field.reasonCode')} rules={[{ required: true, message: t('reasonRequired') }]}>
          <Radio.Group>
            <Space direction="vertical">
              {(reasons.data ?? []).map((r) => (
                <Radio key={r.code} value={r.code}>
                  {i18n.language === 'en' ? r.labelEn : r.label}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
