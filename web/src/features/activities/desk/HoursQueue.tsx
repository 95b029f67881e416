import { App, Button, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { activitiesApi, type Decision, type HoursRow } from '../activities.api';
import { useActivityChange, useHours } from '../activities.queries';
import { HoursText } from '../../../components/HoursText';

type Editing = { row: HoursRow; decision: 'adjust' | 'decline' };

/** The organiser's hours approval queue: computed hours with the anti-fraud flags; approve in bulk, adjust or decline with a reason. */
export function HoursQueue({ id }: { id: string }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const list = useHours(id);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [hours, setHours] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const decide = useActivityChange((items: Decision[]) => activitiesApi.decide(id, items));
  const run = (items: Decision[], done?: () => void) =>
    decide.mutate(items, {
      onSuccess: (r) => {
        void message.success(t('hours.decided', { count: r.decided }));
        setSelected([]);
        done?.();
      },
      onError: (e) => void message.error(e.message),
    });
  const pending = (list.data?.items ?? []).filter((h) => h.status === 'pending');

  const columns = [
    { title: t('field.person'), key: 'name', render: (_: unknown, h: HoursRow) => h.name },
    { title: t('field.checkedIn'), key: 'in', width: 150, render: (_: unknown, h: HoursRow) => formatMinute(h.checkedInAt) },
    { title: t('field.checkedOut'), key: 'out', width: 150, render: (_: unknown, h: HoursRow) => formatMinute(h.checkedOutAt) },
    { title: t('field.hours'), key: 'hours', width: 90, render: (_: unknown, h: HoursRow) => <HoursText hours={h.hours} /> },
    {
      title: t('hours.flags'),
      key: 'flags',
      render: (_: unknown, h: HoursRow) => (
        <Space size={0} wrap>
          {h.flags.map((f) => (
            <Tag key={f} color="orange" data-testid="hours-flag">
              {t(`flag.${f}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('field.status'),
      key: 'status',
      width: 220,
      render: (_: unknown, h: HoursRow) =>
        h.status === 'pending' ? (
          <Space>
            <Button size="small" onClick={() => run([{ accountId: h.accountId, decision: 'approve' }])}>
              {t('hours.approve')}
            </Button>
            <Button size="small" onClick={() => (setEditing({ row: h, decision: 'adjust' }), setHours(Number(h.hours)), setReason(''))}>
              {t('hours.adjust')}
            </Button>
            <Button size="small" danger onClick={() => (setEditing({ row: h, decision: 'decline' }), setReason(''))}>
              {t('hours.decline')}
            </Button>
          </Space>
        ) : (
          <span>
            {t(`hours.status.${h.status}`)} {h.reason && <span className="lx-muted">{h.reason}</span>}
          </span>
        ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={selected.length === 0} loading={decide.isPending} onClick={() => run(selected.map((accountId) => ({ accountId, decision: 'approve' as const })))} data-testid="hours-approve-selected">
          {t('hours.approveSelected', { count: selected.length })}
        </Button>
      </Space>
      <Table<HoursRow>
        rowKey="accountId"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (h) => ({ disabled: !pending.includes(h) }) }}
        data-testid="hours-table"
      />
      {editing && (
        <Modal
          open
          title={t(`hours.${editing.decision}Title`, { name: editing.row.name })}
          okButtonProps={{ disabled: !reason.trim() || (editing.decision === 'adjust' && hours === null), loading: decide.isPending }}
          onCancel={() => setEditing(null)}
          onOk={() => run([{ accountId: editing.row.accountId, decision: editing.decision, hours: editing.decision === 'adjust' ? (hours ?? 0) : undefined, reason: reason.trim() }], () => setEditing(null))}
        >
          {editing.decision === 'adjust' && <InputNumber min={0} max={24} step={0.25} value={hours} onChange={setHours} addonAfter={t('hours.unit')} style={{ marginBottom: 12 }} />}
          <Input.TextArea maxLength={500} placeholder={t('hours.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      )}
    </>
  );
}
