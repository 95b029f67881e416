import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { childTypesOf, type RegionType } from '../../lib/regions';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { RegionNode } from './regions.api';
import { useRegionChanges } from './regions.queries';

type Values = { name: string; code: string; type: RegionType; sortOrder?: number };
type Props =
  | { mode: 'create'; parent: RegionNode; onClose: () => void; onSaved: (node: RegionNode) => void }
  | { mode: 'edit'; node: RegionNode; onClose: () => void; onSaved: (node: RegionNode) => void };

const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Add a child under a node, or rename / recode a node. Mounted only while open. */
export function RegionFormModal(props: Props) {
  const { t } = useTranslation('regions');
  const [form] = Form.useForm<Values>();
  const changes = useRegionChanges();
  const report = useApiErrorReporter();
  const creating = props.mode === 'create';
  const types = creating ? childTypesOf(props.parent.type) : [];
  const pending = changes.create.isPending || changes.update.isPending;

  const submit = async (values: Values) => {
    try {
      const saved = creating
        ? await changes.create.mutateAsync({ parentId: props.parent.id, ...values })
        : await changes.update.mutateAsync({ id: props.node.id, patch: { name: values.name, code: values.code, sortOrder: values.sortOrder } });
      props.onSaved(saved);
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal
      open
      title={creating ? t('addChildTo', { name: props.parent.name }) : t('editNode', { name: props.node.name })}
      okText={t('common:save')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={creating ? { type: types[0] } : { name: props.node.name, code: props.node.code }}
      >
        {creating && (
          <Form.Item name="type" label={t('field.type')} rules={[{ required: true }]}>
            <Select options={types.map((type) => ({ value: type, label: t(`common:regionType.${type}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('field.code')}
          extra={t('codeHint')}
          rules={[
            { required: true, message: t('codeRequired') },
            { pattern: CODE_PATTERN, message: t('codeInvalid') },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('field.sortOrder')} extra={t('sortOrderHint')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
