import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { RegionNode } from './regions.api';
import { useRegionChanges } from './regions.queries';
import { RegionTreeSelect } from './RegionTreeSelect';

/** Move a node with everything below it under another parent; the server checks the levels. */
export function MoveRegionModal({ node, onClose, onMoved }: { node: RegionNode; onClose: () => void; onMoved: (node: RegionNode) => void }) {
  const { t } = useTranslation('regions');
  const [form] = Form.useForm<{ parentId: string }>();
  const { move } = useRegionChanges();
  const report = useApiErrorReporter();

  const submit = async ({ parentId }: { parentId: string }) => {
    try {
      onMoved(await move.mutateAsync({ id: node.id, parentId }));
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open title={t('moveNode', { name: node.name })} okText={t('move')} confirmLoading={move.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <Alert type="info" showIcon message={t('moveHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="parentId" label={t('newParent')} rules={[{ required: true, message: t('newParentRequired') }]}>
          <RegionTreeSelect disabledIds={[node.id, node.parentId ?? '']} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
