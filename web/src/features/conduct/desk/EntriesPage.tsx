import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { conductApi, entryTitle, type ConductEntry, type EntryBody } from '../conduct.api';
import { useConductChange, useEntries } from '../conduct.queries';
import { SettingsCard } from './SettingsCard';

type Values = EntryBody & { active: boolean };

/** One entry's form: title in both languages, default points, default suspension. */
function EntryModal({ entry, loading, onCancel, onSubmit }: { entry: ConductEntry | null; loading: boolean; onCancel: () => void; onSubmit: (v: Values) => void }) {
  const { t } = useTranslation('conduct');
  const [form] = Form.useForm<Values>();
  const suspends = Form.useWatch('suspends', form);
  const initial: Partial<Values> = entry ? { ...entry, suspendDays: entry.suspendDays ?? undefined } : { points: 5, suspends: false, active: true, sortOrder: 500 };
  return (
    <Modal open title={t(entry ? 'entries.edit' : 'entries.add')} okText={t('common:save')} okButtonProps={{ loading, 'data-testid': 'entry-save' }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => onSubmit({ ...v, suspendDays: v.suspends ? (v.suspendDays ?? null) : null })}>
        <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true, message: t('entries.titleRequired') }]}>
          <Input maxLength={60} data-testid="entry-title" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('field.titleEn')} rules={[{ required: true, whitespace: true, message: t('entries.titleRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="points" label={t('field.points')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="suspends" label={t('field.suspends')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {suspends && (
          <Form.Item name="suspendDays" label={t('field.suspendDays')} extra={t('entries.daysHint')}>
            <InputNumber min={1} max={3650} precision={0} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label={t('field.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        {entry && (
          <Form.Item name="active" label={t('field.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 负面清单: the district's list of negative conduct, kept by the district admin. */
export function EntriesPage() {
  const { t, i18n } = useTranslation('conduct');
  const { message } = App.useApp();
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<ConductEntry | 'new' | null>(null);
  const entries = useEntries(inactive);
  const save = useConductChange((v: Values) => (editing && editing !== 'new' ? conductApi.updateEntry(editing.id, v) : conductApi.createEntry(v)));
  const submit = (v: Values) =>
    save.mutate(v, {
      onSuccess: () => {
        setEditing(null);
        void message.success(t('entries.saved'));
      },
      onError: (error: Error) => void message.error(error.message),
    });

  const columns = [
    { title: t('field.title'), key: 'title', render: (_: unknown, e: ConductEntry) => <span title={e.description}>{entryTitle(e, i18n.language)}</span> },
    { title: t('field.points'), dataIndex: 'points', key: 'points', width: 90 },
    {
      title: t('field.suspends'),
      key: 'suspends',
      width: 150,
      render: (_: unknown, e: ConductEntry) => (e.suspends ? (e.suspendDays ? t('entries.suspendsDays', { days: e.suspendDays }) : t('entries.suspendsOpen')) : <span className="lx-muted">{t('entries.noSuspend')}</span>),
    },
    { title: t('field.active'), key: 'active', width: 90, render: (_: unknown, e: ConductEntry) => <Tag color={e.active ? 'success' : 'default'} bordered={false}>{t(e.active ? 'entries.active' : 'entries.inactive')}</Tag> },
    { title: t('field.actions'), key: 'actions', width: 90, render: (_: unknown, e: ConductEntry) => <Button size="small" type="link" onClick={() => setEditing(e)}>{t('common:edit')}</Button> },
  ];

  return (
    <>
      <PageHeader title={t('menu.entries')} description={t('entries.description')} extra={<Button type="primary" onClick={() => setEditing('new')}>{t('entries.add')}</Button>} />
      <Card>
        <Checkbox checked={inactive} onChange={(e) => setInactive(e.target.checked)}>
          {t('entries.showInactive')}
        </Checkbox>
        <Table<ConductEntry> style={{ marginTop: 16 }} rowKey="id" size="middle" columns={columns} dataSource={entries.data} loading={entries.isFetching} pagination={false} data-testid="conduct-entries" />
      </Card>
      <SettingsCard />
      {editing && <EntryModal entry={editing === 'new' ? null : editing} loading={save.isPending} onCancel={() => setEditing(null)} onSubmit={submit} />}
    </>
  );
}
