import { App, Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { teamsApi, type JoinRequest } from '../teams.api';
import { useTeamChange, useTeamRequests } from '../teams.queries';
import { RefuseModal } from './RefuseModal';

/** The join requests waiting on a team, for its leader and the admins over it: accept, or refuse with a reason. */
export function TeamRequests({ teamId }: { teamId: string }) {
  const { t } = useTranslation('teams');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const requests = useTeamRequests({ teamId, status: 'open', page: 1, pageSize: 100 });
  const accept = useTeamChange((id: string) => teamsApi.accept(id));
  const refuse = useTeamChange((v: { id: string; reason: string }) => teamsApi.refuse(v.id, v.reason));
  const [refusing, setRefusing] = useState<string | null>(null);
  const done = (key: 'requests.accepted' | 'requests.refused') => () => void message.success(t(key));

  const columns = [
    { title: t('requests.person'), key: 'person', render: (_: unknown, r: JoinRequest) => `${r.person.name} ${r.person.phone}` },
    { title: t('requests.message'), key: 'message', render: (_: unknown, r: JoinRequest) => r.message ?? <span className="lx-muted">—</span> },
    { title: t('requests.at'), key: 'at', width: 150, render: (_: unknown, r: JoinRequest) => formatMinute(r.createdAt) },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 160,
      render: (_: unknown, r: JoinRequest) =>
        r.canDecide && (
          <Space>
            <Button size="small" type="primary" loading={accept.isPending && accept.variables === r.id} onClick={() => accept.mutate(r.id, { onSuccess: done('requests.accepted'), onError: (e) => report(e) })} data-testid="request-accept">
              {t('requests.accept')}
            </Button>
            <Button size="small" danger onClick={() => setRefusing(r.id)} data-testid="request-refuse">
              {t('requests.refuse')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card title={t('requests.title', { count: requests.data?.total ?? 0 })} data-testid="team-requests">
      <Table<JoinRequest> rowKey="id" size="small" columns={columns} dataSource={requests.data?.items} loading={requests.isFetching} pagination={false} locale={{ emptyText: t('requests.empty') }} />
      <RefuseModal
        open={refusing !== null}
        loading={refuse.isPending}
        onCancel={() => setRefusing(null)}
        onSubmit={(reason) =>
          refuse.mutate(
            { id: refusing!, reason },
            {
              onSuccess: () => {
                setRefusing(null);
                done('requests.refused')();
              },
              onError: (e) => report(e),
            },
          )
        }
      />
    </Card>
  );
}
