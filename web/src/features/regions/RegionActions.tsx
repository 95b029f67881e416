import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { MoveRegionModal } from './MoveRegionModal';
import type { RegionNode } from './regions.api';
import { useRegionChanges } from './regions.queries';
import { RegionFormModal } from './RegionFormModal';

type Dialog = 'add' | 'edit' | 'move' | null;
type Props = { node: RegionNode; isScopeRoot: boolean; onSelect: (id: string) => void };

/** Tree maintenance for holders of regions.manage; every change is audited by the server. */
export function RegionActions({ node, isScopeRoot, onSelect }: Props) {
  const { t } = useTranslation('regions');
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { remove } = useRegionChanges();
  const report = useApiErrorReporter();
  const close = () => setDialog(null);
  const saved = (id: string, text: string) => {
    close();
    void message.success(text);
    onSelect(id);
  };

  const deleteNode = async () => {
    try {
      await remove.mutateAsync(node.id);
      void message.success(t('deleted', { name: node.name }));
      if (node.parentId) onSelect(node.parentId);
    } catch (error) {
      report(error);
    }
  };

  return (
    <Space wrap>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')} disabled={node.type === 'building'}>
        {t('addChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        {t('common:edit')}
      </Button>
      {/* my own node is the root of everything I see: it can neither leave my scope nor vanish from it */}
      <Button icon={<DragOutlined />} onClick={() => setDialog('move')} disabled={isScopeRoot}>
        {t('move')}
      </Button>
      <Popconfirm title={t('deleteConfirm', { name: node.name })} description={t('deleteHint')} onConfirm={deleteNode} okButtonProps={{ danger: true }}>
        <Button danger icon={<DeleteOutlined />} disabled={isScopeRoot} loading={remove.isPending}>
          {t('common:delete')}
        </Button>
      </Popconfirm>
      {dialog === 'add' && <RegionFormModal mode="create" parent={node} onClose={close} onSaved={(n) => saved(n.id, t('created', { name: n.name }))} />}
      {dialog === 'edit' && <RegionFormModal mode="edit" node={node} onClose={close} onSaved={(n) => saved(n.id, t('common:saved'))} />}
      {dialog === 'move' && <MoveRegionModal node={node} onClose={close} onMoved={(n) => saved(n.id, t('moved', { name: n.name }))} />}
    </Space>
  );
}
