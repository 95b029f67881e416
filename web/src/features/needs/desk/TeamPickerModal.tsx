import { Form, Input, Modal, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/ListTable';
import type { Team } from '../categories.api';
import { categoryName, categoryPath } from '../categories';
import { useCategories, useTeamsInScope } from '../needs.queries';

type Props = {
  title: string;
  /** The need's category: teams serving its class are marked and listed first. */
  categoryId?: string;
  loading: boolean;
  onCancel: () => void;
  onPick: (teamId: string, note?: string) => void;
};

/** Choose the team to dispatch to (or, for the street, to rule must take it), with an optional note. */
export function TeamPickerModal({ title, categoryId, loading, onCancel, onPick }: Props) {
  const { t, i18n } = useTranslation('needs');
  const teams = useTeamsInScope();
  const categories = useCategories().data ?? [];
  const [picked, setPicked] = useState<string>();
  const [search, setSearch] = useState('');
  const [note, setNote] = useState('');
  const classCode = categoryPath(categories, categoryId)[0]?.code;
  const fits = (team: Team) => Boolean(classCode && team.categories.includes(classCode));
  const rows = teams.data?.filter((team) => team.name.includes(search.trim())).sort((a, b) => Number(fits(b)) - Number(fits(a)));
  const classLabel = (code: string) => {
    const found = categories.find((c) => c.code === code && !c.parentId);
    return found ? categoryName(found, i18n.language) : code;
  };

  const columns: TableProps<Team>['columns'] = [
    { title: t('team.name'), dataIndex: 'name', render: (name: string, team) => <span>{name} {fits(team) && <Tag color="green">{t('team.fits')}</Tag>}</span> },
    { title: t('team.type'), dataIndex: 'type', width: 110, render: (type: string) => t(`teamType.${type}`, { defaultValue: type }) },
    { title: t('team.serves'), dataIndex: 'categories', render: (codes: string[]) => codes.map(classLabel).join('、') },
  ];

  return (
    <Modal open width={760} title={title} okText={t('common:confirm')} okButtonProps={{ disabled: !picked, loading }} onOk={() => picked && onPick(picked, note.trim() || undefined)} onCancel={onCancel}>
      <Input.Search allowClear placeholder={t('team.search')} onChange={(e) => setSearch(e.target.value)} className="lx-modal-search" />
      <ListTable<Team>
        rowKey="id"
        size="small"
        data-testid="team-picker"
        rows={rows}
        fetching={teams.isFetching}
        columns={columns}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        rowSelection={{ type: 'radio', selectedRowKeys: picked ? [picked] : [], onChange: (keys) => setPicked(String(keys[0])) }}
        onRow={(team) => ({ onClick: () => setPicked(team.id) })}
      />
      <Form layout="vertical">
        <Form.Item label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
