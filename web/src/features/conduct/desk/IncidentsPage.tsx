import { App, Button, Card, Input, Modal, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { formatMinute } from '../../../lib/time';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { conductApi, entryTitle, incidentStatuses, type Incident, type IncidentStatus, type Review } from '../conduct.api';
import { useConductChange, useEntries, useIncidents, useReviews } from '../conduct.queries';
import { IncidentDrawer } from './IncidentDrawer';
import { RecordIncidentDrawer } from './RecordIncidentDrawer';
import { IncidentTags } from './StatusTags';

type View = 'all' | 'queue' | 'reviews';

/** 待核查: volunteers whose no-shows reached the district's threshold; staff close each with a note. */
function ReviewsTable() {
  const { t } = useTranslation('conduct');
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useReviews(paging);
  const [closing, setClosing] = useState<Review | null>(null);
  const [note, setNote] = useState('');
  const resolve = useConductChange((v: { id: string; note: string }) => conductApi.resolveReview(v.id, v.note));
  const columns = [
    { title: t('field.volunteer'), key: 'v', render: (_: unknown, r: Review) => `${r.volunteerName} · ${r.homeName}` },
    { title: t('field.noShows'), dataIndex: 'noShows', key: 'n', width: 110 },
    { title: t('field.raisedAt'), key: 'at', width: 150, render: (_: unknown, r: Review) => formatMinute(r.raisedAt) },
    { title: t('field.actions'), key: 'a', width: 110, render: (_: unknown, r: Review) => <Button size="small" type="link" onClick={() => { setNote(''); setClosing(r); }}>{t('reviews.resolve')}</Button> },
  ];
  return (
    <>
      <p className="lx-muted">{t('reviews.hint')}</p>
      <ListTable<Review> rowKey="id" size="middle" columns={columns} rows={list.data?.items} fetching={list.isFetching} emptyText={t('reviews.empty')} paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }} />
      {closing && (
        <Modal open title={t('reviews.resolve')} okButtonProps={{ disabled: !note.trim(), loading: resolve.isPending }} onCancel={() => setClosing(null)}
          onOk={() => resolve.mutate({ id: closing.id, note: note.trim() }, { onSuccess: () => setClosing(null), onError: (e: Error) => void message.error(e.message) })}>
          <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('reviews.notePlaceholder')} />
        </Modal>
      )}
    </>
  );
}

/**
 * 负面言行: incidents in my subtree with filters, my appeal queue (申诉待处理) and the volunteers whose
 * no-shows need a look; staff record an incident from here by picking the volunteer.
 */
export function IncidentsPage() {
  const { t, i18n } = useTranslation('conduct');
  const [view, setView] = useState<View>('all');
  const [filters, setFilters] = useState<{ communityId?: string; status?: IncidentStatus; entryId?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<Incident | null>(null);
  const [recording, setRecording] = useState(false);
  const entries = useEntries(true);
  const list = useIncidents(view === 'queue' ? { decidable: true, ...paging } : { ...filters, ...paging });
  const refilter = (next: typeof filters) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns = [
    {
      title: t('field.volunteer'),
      key: 'volunteer',
      render: (_: unknown, i: Incident) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => setOpen(i)} data-testid="incident-link">{i.volunteerName}</Typography.Link>
          <span className="lx-muted">{i.homeName}</span>
        </Space>
      ),
    },
    { title: t('field.entry'), key: 'entry', render: (_: unknown, i: Incident) => entryTitle(i, i18n.language) },
    { title: t('field.points'), dataIndex: 'points', key: 'points', width: 80 },
    { title: t('field.occurredAt'), key: 'at', width: 150, render: (_: unknown, i: Incident) => formatMinute(i.occurredAt) },
    { title: t('field.status'), key: 'status', width: 220, render: (_: unknown, i: Incident) => <IncidentTags incident={i} /> },
  ];

  return (
    <>
      <PageHeader title={t('menu.incidents')} description={t('incidents.description')} extra={<Button type="primary" danger onClick={() => setRecording(true)} data-testid="record-incident">{t('record.button')}</Button>} />
      <Card data-testid="conduct-incidents">
        <Space size={16} wrap>
          <Segmented<View> value={view} onChange={(v) => { setView(v); setPaging((p) => ({ ...p, page: 1 })); }} options={(['all', 'queue', 'reviews'] as const).map((v) => ({ value: v, label: t(`view.${v}`) }))} data-testid="conduct-view" />
          {view === 'all' && (
            <>
              <RegionTreeSelect allowClear placeholder={t('filter.community')} style={{ width: 200 }} value={filters.communityId} onChange={(communityId?: string) => refilter({ ...filters, communityId })} />
              <Select<IncidentStatus> allowClear placeholder={t('filter.status')} style={{ width: 150 }} value={filters.status} onChange={(status) => refilter({ ...filters, status })} options={incidentStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
              <Select allowClear showSearch optionFilterProp="label" placeholder={t('filter.entry')} style={{ width: 240 }} value={filters.entryId} onChange={(entryId?: string) => refilter({ ...filters, entryId })} options={(entries.data ?? []).map((e) => ({ value: e.id, label: entryTitle(e, i18n.language) }))} />
            </>
          )}
        </Space>
        <div style={{ marginTop: 16 }}>
          {view === 'reviews' ? (
            <ReviewsTable />
          ) : (
            <ListTable<Incident> rowKey="id" size="middle" data-testid="incidents-table" columns={columns} rows={list.data?.items} fetching={list.isFetching} emptyText={t(view === 'queue' ? 'incidents.emptyQueue' : 'incidents.empty')} paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }} />
          )}
        </div>
      </Card>
      {open && <IncidentDrawer incident={open} onClose={() => setOpen(null)} />}
      <RecordIncidentDrawer open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
