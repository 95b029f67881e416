import { App, Button, Card, Descriptions, Result, Space, Spin, Statistic, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { formatMinute } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { useCategoryNames } from '../categories';
import { teamsApi, type NewTeam } from '../teams.api';
import { useTeam, useTeamChange } from '../teams.queries';
import { TeamFormModal } from './TeamFormModal';
import { TeamMembers } from './TeamMembers';
import { TeamRequests } from './TeamRequests';
import { TeamTags } from './TeamTags';

/** A team's page: what it is, its figures, its members and the join requests waiting; edit and dissolve for the admins over it. */
export function TeamDetailPage() {
  const { t } = useTranslation('teams');
  const { id } = useParams();
  const { modal, message } = App.useApp();
  const report = useApiErrorReporter();
  const categories = useCategoryNames();
  const team = useTeam(id);
  const [editing, setEditing] = useState(false);
  const save = useTeamChange((v: NewTeam) => teamsApi.update(id!, { name: v.name, type: v.type, thinkTankModule: v.thinkTankModule, regionId: v.regionId, categories: v.categories, description: v.description, contactPhone: v.contactPhone, partnerUnitId: v.partnerUnitId }));
  const dissolve = useTeamChange(() => teamsApi.dissolve(id!));

  if (team.isPending) return <Spin />;
  if (team.isError) return <Result status="404" title={team.error.message} />;
  const data = team.data;

  const confirmDissolve = () =>
    modal.confirm({
      title: t('dissolve.title', { name: data.name }),
      content: t('dissolve.content'),
      okText: t('dissolve.ok'),
      okButtonProps: { danger: true, 'data-testid': 'dissolve-ok' } as ButtonProps,
      onOk: () => dissolve.mutateAsync(undefined).then(() => void message.success(t('dissolve.done')), (e: unknown) => report(e)),
    });

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="team-title">{data.name}</span>
            <TeamTags team={data} />
          </Space>
        }
        extra={
          data.me.canManage && (
            <Space>
              <Button onClick={() => setEditing(true)} data-testid="team-edit">
                {t('form.edit')}
              </Button>
              <Button danger onClick={confirmDissolve} data-testid="team-dissolve">
                {t('dissolve.action')}
              </Button>
            </Space>
          )
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Space size={48} wrap style={{ marginBottom: 16 }}>
            <Statistic title={t('field.members')} value={data.memberCount} />
            <Statistic title={t('field.openOrders')} value={data.openOrders} />
            <Statistic title={t('field.closedOrders')} value={data.closedOrders} />
            <Statistic title={t('field.hours')} value={data.hoursServed} precision={1} />
            <Statistic title={t('field.rating')} value={data.averageRating ?? '—'} precision={data.averageRating === null ? undefined : 2} suffix={data.ratedOrders ? t('ratedCount', { count: data.ratedOrders }) : undefined} />
          </Space>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('field.community')}>{data.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('field.leader')}>
              <span data-testid="team-leader-name">{data.leader.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.categories')}>{data.categories.map(categories.nameOf).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.contactPhone')}>{data.contactPhone ?? '—'}</Descriptions.Item>
            {data.partnerUnit && <Descriptions.Item label={t('field.partnerUnit')}>{data.partnerUnit.name}</Descriptions.Item>}
            <Descriptions.Item label={t('field.createdAt')}>{formatMinute(data.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('field.dissolvedAt')}>{data.dissolvedAt ? formatMinute(data.dissolvedAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.description')} span={2}>
              {data.description ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {data.me.canDecide && <TeamRequests teamId={data.id} />}
        <TeamMembers team={data} />
      </Space>
      {editing && (
        <TeamFormModal
          team={data}
          loading={save.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(v, form) => save.mutate(v, { onSuccess: () => (setEditing(false), void message.success(t('form.saved'))), onError: (e) => report(e, form) })}
        />
      )}
    </>
  );
}
