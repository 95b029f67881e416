import { App, Button, Popconfirm, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { ReplyTemplate } from '../needs/categories.api';
import { categoryName, categoryPath } from '../needs/categories';
import { needStatuses, type NeedStatus } from '../needs/needs.api';
import { useCategories, useReplyTemplates } from '../needs/needs.queries';
import { useNeedsConfigChanges } from './needs-config.queries';
import { ReplyTemplateModal } from './ReplyTemplateModal';

/** 回复模板: one-click answers offered in the reply dialog, per state and optionally per category. */
export function ReplyTemplatesTab() {
  const { t, i18n } = useTranslation(['needs-config', 'needs']);
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const [status, setStatus] = useState<string>();
  const { data, isFetching } = useReplyTemplates(status, undefined);
  const categories = useCategories().data ?? [];
  const changes = useNeedsConfigChanges();
  const [adding, setAdding] = useState(false);
  const statusOptions = useMemo(() => needStatuses.map((s) => ({ value: s, label: t(`needs:status.${s}`) })), [t]);

  const remove = async (id: string) => {
    try {
      await changes.removeReplyTemplate.mutateAsync(id);
      void message.success(t('template.removed'));
    } catch (error) {
      report(error);
    }
  };

  const columns: ColumnsType<ReplyTemplate> = [
    { title: t('template.status'), dataIndex: 'status', width: 120, render: (s: NeedStatus) => t(`needs:status.${s}`) },
    {
      title: t('template.category'),
      dataIndex: 'categoryId',
      width: 200,
      render: (id: string | null) =>
        id
          ? categoryPath(categories, id)
              .map((c) => categoryName(c, i18n.language))
              .join(' / ') || t('common:empty')
          : t('template.anyCategory'),
    },
    { title: t('template.text'), dataIndex: 'text' },
    {
      title: t('common:actions'),
      key: 'actions',
      width: 100,
      render: (_, tpl) => (
        <Popconfirm title={t('template.removeConfirm')} onConfirm={() => remove(tpl.id)} okButtonProps={{ danger: true }}>
          <Button type="link" size="small" danger>
            {t('common:delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <div className="lx-config-toolbar">
        <Select allowClear placeholder={t('template.filterStatus')} options={statusOptions} value={status} onChange={setStatus} style={{ width: 200 }} />
        <Typography.Text type="secondary" className="lx-config-grow">
          {t('template.hint')}
        </Typography.Text>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('template.add')}
        </Button>
      </div>
      <ListTable<ReplyTemplate> rowKey="id" size="middle" rows={data} fetching={isFetching} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      {adding && <ReplyTemplateModal initialStatus={status} onClose={() => setAdding(false)} />}
    </>
  );
}
