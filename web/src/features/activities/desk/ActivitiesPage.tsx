import { App, Badge, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { formatMinute } from '../../../lib/time';
import { useMe } from '../../auth/session';
import { activitiesApi, activityStatuses, type Activity, type ActivityStatus } from '../activities.api';
import { useCategoryName } from '../activities.format';
import { useActivities, useActivityChange } from '../activities.queries';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityStatusTag } from './ActivityStatusTag';
import { SettingsModal } from './SettingsModal';

type Filter = ActivityStatus | 'all';
type When = 'upcoming' | 'all' | 'hours';

/** 活动: the activities of my subtree (and my teams'), upcoming first; schedule a new one. */
export function ActivitiesPage() {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const [status, setStatus] = useState<Filter>('all');
  const [when, setWhen] = useState<When>('upcoming');
  const [from] = useState(() => new Date().toISOString());
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const districtAdmin = useMe().account.roles.includes('districtAdmin');
  const list = useActivities({ status: status === 'all' ? undefined : status, from: when === 'upcoming' ? from : undefined, hoursPending: when === 'hours' || undefined, ...paging });
  const create = useActivityChange(activitiesApi.create);

  const columns = [
    {
      title: t('field.title'),
      key: 'title',
      render: (_: unknown, a: Activity) => (
        <Space direction="vertical" size={0}>
          <Link to={`/activities/${a.id}`} data-testid="activity-link">
            <Typography.Text strong>{a.title}</Typography.Text>
          </Link>
          <span className="lx-muted">
            {categoryName(a.categoryCode)} · {a.organiser.name}
          </span>
        </Space>
      ),
    },
    { title: t('field.time'), key: 'time', width: 170, render: (_: unknown, a: Activity) => formatMinute(a.startsAt) },
    { title: t('field.place'), key: 'place', width: 180, render: (_: unknown, a: Activity) => a.place },
    {
      title: t('field.signed'),
      key: 'signed',
      width: 140,
      render: (_: unknown, a: Activity) => (
        <span>
          {a.signedCount}/{a.capacity}
          {a.waitlistCount > 0 && <span className="lx-muted"> {t('waitlistShort', { count: a.waitlistCount })}</span>}
        </span>
      ),
    },
    {
      title: t('field.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, a: Activity) => (
        <Space size={0} wrap>
          <ActivityStatusTag status={a.status} />
          {a.themed && <Tag color="red">{t('themed')}</Tag>}
          {a.seriesId && <Tag>{t('series')}</Tag>}
          {a.pendingHours > 0 && <Badge count={t('pendingHours', { count: a.pendingHours })} color="orange" />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.activities')}
        description={t('description')}
        extra={
          <Space>
            {districtAdmin && <Button onClick={() => setSettings(true)}>{t('settings.title')}</Button>}
            <Button type="primary" onClick={() => setCreating(true)} data-testid="activity-new">
              {t('form.create')}
            </Button>
          </Space>
        }
      />
      <Card data-testid="activities-page">
        <Space size={16} wrap>
          <Segmented<When> value={when} onChange={(v) => (setWhen(v), setPaging((p) => ({ ...p, page: 1 })))} options={(['upcoming', 'all', 'hours'] as const).map((v) => ({ value: v, label: t(`filter.${v}`) }))} />
          <Segmented<Filter> value={status} onChange={(v) => (setStatus(v), setPaging((p) => ({ ...p, page: 1 })))} options={(['all', ...activityStatuses] as const).map((v) => ({ value: v, label: v === 'all' ? t('filter.allStatuses') : t(`status.${v}`) }))} />
        </Space>
        <ListTable<Activity>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          data-testid="activities-table"
          columns={columns}
          rows={list.data?.items}
          fetching={list.isFetching}
          emptyText={t('empty')}
          paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      </Card>
      {settings && <SettingsModal onClose={() => setSettings(false)} />}
      {creating && (
        <ActivityFormModal
          activity={null}
          loading={create.isPending}
          onCancel={() => setCreating(false)}
          onUpdate={() => undefined}
          onCreate={(body) =>
            create.mutate(body, {
              onSuccess: (made) => {
                setCreating(false);
                void message.success(t('form.created', { count: made.ids.length }));
                navigate(`/activities/${made.first.id}`);
              },
              onError: (e) => void message.error(e.message),
            })
          }
        />
      )}
    </>
  );
}
