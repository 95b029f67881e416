import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedDetail } from '../needs.api';
import { useReplyTemplates } from '../needs.queries';

type Props = { need: NeedDetail; loading: boolean; onCancel: () => void; onSubmit: (note: string) => void };

/** 答复: a message to the requester on the timeline, started from a one-click template if one fits. */
export function ReplyModal({ need, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const [form] = Form.useForm<{ note: string }>();
  const templates = useReplyTemplates(need.status, need.categoryId).data ?? [];
  return (
    <Modal open width={600} title={t('action.reply')} okText={t('replySend')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel}>
      {templates.length > 0 && (
        <div className="lx-templates">
          <Typography.Text type="secondary">{t('replyTemplates')}</Typography.Text>
          <Space direction="vertical" className="lx-template-list">
            {templates.map((tpl) => (
              <Button key={tpl.id} block className="lx-template" onClick={() => form.setFieldsValue({ note: tpl.text })}>
                {tpl.text}
              </Button>
            ))}
          </Space>
        </div>
      )}
      <Form form={form} layout="vertical" onFinish={({ note }) => onSubmit(note.trim())}>
        <Form.Item name="note" label={t('replyText')} rules={[{ required: true, whitespace: true, message: t('replyRequired') }]} extra={t('replyHint')}>
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
