import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { DeclineReason } from '../needs/categories.api';
import { useDeclineReasons } from '../needs/needs.queries';
import { DeclineReasonModal } from './DeclineReasonModal';
import { useNeedsConfigChanges } from './needs-config.queries';

/** 退单原因: the reasons a team may give when it declines an order; retiring one hides it from the picker. */
export function DeclineReasonsTab() {
  const { t } = useTranslation('needs-config');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const { data, isFetching } = useDeclineReasons();
  const changes = useNeedsConfigChanges();
  const [editing, setEditing] = useState<DeclineReason | 'new' | null>(null);

  const retire = async (reason: DeclineReason) => {
    try {
      await changes.saveDeclineReason.mutateAsync({ code: reason.code, body: { label: reason.label, labelEn: reason.labelEn, active: false } });
      void message.success(t('reason.retired', { label: reason.label }));
    } catch (error) {
      report(error);
    }
  };

  const columns: ColumnsType<DeclineReason> = [
    { title: t('reason.label'), dataIndex: 'label' },
    { title: t('reason.labelEn'), dataIndex: 'labelEn' },
    {
      title: t('common:actions'),
      key: 'actions',
      width: 160,
      render: (_, reason) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(reason)}>
            {t('common:edit')}
          </Button>
          <Popconfirm title={t('reason.retireConfirm', { label: reason.label })} onConfirm={() => retire(reason)} okButtonProps={{ danger: true }}>
            <Button type="link" size="small" danger>
              {t('reason.retire')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="lx-config-toolbar">
        <Typography.Text type="secondary">{t('reason.hint')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('reason.add')}
        </Button>
      </div>
      <ListTable<DeclineReason> rowKey="code" size="middle" rows={data} fetching={isFetching} columns={columns} pagination={false} />
      {editing && <DeclineReasonModal reason={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
