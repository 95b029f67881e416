import { Alert, Form, Input, Modal, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/ListTable';
import type { TeamMember } from '../categories.api';
import type { NeedSummary } from '../needs.api';
import { useTeamMembers } from '../needs.queries';

/**
 * The default limit of open tasks per volunteer (server VOLUNTEER_MAX_OPEN_TASKS): only a colour hint
 * here; the server enforces the configured limit and answers needs.task_limit.
 */
const BUSY_AT = 5;

type Props = {
  need: Pick<NeedSummary, 'teamId' | 'slots' | 'filled'>;
  /** Volunteers already on this round: they cannot take a second slot. */
  assigned?: string[];
  loading: boolean;
  onCancel: () => void;
  onSubmit: (values: { volunteerId: string; note?: string }) => void;
};

/** 指派: the leader picks a member for the next free slot, seeing how many open tasks each has. */
export function AssignModal({ need, assigned = [], loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const roster = useTeamMembers(need.teamId);
  const [picked, setPicked] = useState<string>();
  const [note, setNote] = useState('');
  const [search, setSearch] = useState('');
  const members = roster.data?.filter((m) => m.name.includes(search.trim())).sort((a, b) => a.openTasks - b.openTasks || a.name.localeCompare(b.name, 'zh-CN'));
  const columns: TableProps<TeamMember>['columns'] = [
    { title: t('assignment.volunteer'), dataIndex: 'name' },
    { title: t('common:field.phone'), dataIndex: 'phone', render: (p: string) => <span className="lx-mono">{p}</span> },
    {
      title: t('assignment.openTasks'),
      dataIndex: 'openTasks',
      render: (n: number, m) =>
        assigned.includes(m.id) ? <Tag color="blue">{t('assignment.already')}</Tag> : <Tag color={n >= BUSY_AT ? 'red' : n === 0 ? 'green' : 'gold'}>{n === 0 ? t('assignment.free') : t('assignment.busy', { count: n })}</Tag>,
    },
  ];
  return (
    <Modal open width={640} title={t('action.assign')} okText={t('action.assign')} okButtonProps={{ disabled: !picked, loading }} onOk={() => picked && onSubmit({ volunteerId: picked, note: note.trim() || undefined })} onCancel={onCancel}>
      <Alert type="info" showIcon className="lx-page-alert" message={t('assignHint', { filled: need.filled, slots: need.slots })} />
      <Input.Search allowClear placeholder={t('assignSearch')} onChange={(e) => setSearch(e.target.value)} className="lx-modal-search" data-testid="roster-search" />
      <ListTable<TeamMember>
        rowKey="id"
        size="small"
        data-testid="team-roster"
        rows={members}
        fetching={roster.isFetching}
        columns={columns}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        rowSelection={{ type: 'radio', selectedRowKeys: picked ? [picked] : [], onChange: (keys) => setPicked(String(keys[0])), getCheckboxProps: (m) => ({ disabled: assigned.includes(m.id) }) }}
        onRow={(m) => ({ onClick: () => !assigned.includes(m.id) && setPicked(m.id) })}
      />
      <Form layout="vertical">
        <Form.Item label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
