import { App, Cascader, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { categoryOptions } from '../needs/categories';
import { needStatuses } from '../needs/needs.api';
import { useCategories } from '../needs/needs.queries';
import { useNeedsConfigChanges } from './needs-config.queries';

type Values = { status: string; categoryId?: string[]; text: string };

/** Add a reply template: the state it fits, optionally a category (a class or a kind), the text. */
export function ReplyTemplateModal({ initialStatus, onClose }: { initialStatus?: string; onClose: () => void }) {
  const { t, i18n } = useTranslation(['needs-config', 'needs']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const changes = useNeedsConfigChanges();
  const report = useApiErrorReporter();
  const categories = useCategories().data ?? [];

  const submit = async (values: Values) => {
    try {
      await changes.addReplyTemplate.mutateAsync({ status: values.status, categoryId: values.categoryId?.at(-1), text: values.text.trim() });
      void message.success(t('common:saved'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open title={t('template.add')} okText={t('common:save')} confirmLoading={changes.addReplyTemplate.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: initialStatus, text: '' }}>
        <Form.Item name="status" label={t('template.status')} rules={[{ required: true, message: t('template.statusRequired') }]}>
          <Select options={needStatuses.map((s) => ({ value: s, label: t(`needs:status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('template.category')} extra={t('template.categoryHint')}>
          <Cascader options={categoryOptions(categories, i18n.language)} changeOnSelect allowClear placeholder={t('template.anyCategory')} />
        </Form.Item>
        <Form.Item name="text" label={t('template.text')} rules={[{ required: true, whitespace: true, message: t('template.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
