import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { teamsApi, type TeamDetail, type TeamMember } from '../teams.api';
import { useTeamChange } from '../teams.queries';
import { PersonSelect } from './PersonSelect';

/** A team's members; admins over it add a volunteer, remove a member, or make one the leader. */
export function TeamMembers({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const [adding, setAdding] = useState<string | undefined>();
  const add = useTeamChange((accountId: string) => teamsApi.addMember(team.id, accountId));
  const remove = useTeamChange((accountId: string) => teamsApi.removeMember(team.id, accountId));
  const lead = useTeamChange((accountId: string) => teamsApi.setLeader(team.id, accountId));
  const manage = team.me.canManage;
  const ok = (key: 'members.added' | 'members.removed' | 'members.leaderChanged') => () => void message.success(t(key));

  const columns = [
    {
      title: t('members.name'),
      key: 'name',
      render: (_: unknown, m: TeamMember) => (
        <Space size={4}>
          {m.name}
          {m.leader && (
            <Tag color="gold" bordered={false}>
              {t('leaderTag')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('field.phone'), dataIndex: 'phone', key: 'phone', width: 140 },
    { title: t('field.joinedAt'), key: 'joinedAt', width: 150, render: (_: unknown, m: TeamMember) => formatMinute(m.joinedAt) },
    ...(manage
      ? [
          {
            title: t('field.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, m: TeamMember) =>
              !m.leader && (
                <Space size={0}>
                  <Popconfirm title={t('members.leadConfirm', { name: m.name })} onConfirm={() => lead.mutate(m.id, { onSuccess: ok('members.leaderChanged'), onError: (e) => report(e) })}>
                    <Button size="small" type="link" data-testid="member-make-leader">
                      {t('members.makeLeader')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm title={t('members.removeConfirm', { name: m.name })} onConfirm={() => remove.mutate(m.id, { onSuccess: ok('members.removed'), onError: (e) => report(e) })}>
                    <Button size="small" type="link" danger>
                      {t('members.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('members.title', { count: team.members.length })}
      data-testid="team-members"
      extra={
        manage && (
          <Space.Compact style={{ width: 420 }}>
            <PersonSelect value={adding} onChange={setAdding} role="volunteer" style={{ flex: 1 }} data-testid="member-pick" />
            <Button
              type="primary"
              disabled={!adding}
              loading={add.isPending}
              data-testid="member-add"
              onClick={() => add.mutate(adding!, { onSuccess: () => (setAdding(undefined), ok('members.added')()), onError: (e) => report(e) })}
            >
              {t('members.add')}
            </Button>
          </Space.Compact>
        )
      }
    >
      <Table<TeamMember> rowKey="id" size="small" columns={columns} dataSource={team.members} pagination={team.members.length > 20 ? { pageSize: 20 } : false} />
    </Card>
  );
}
