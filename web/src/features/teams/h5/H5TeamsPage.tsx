import { Button, DotLoading, ErrorBlock, NavBar, PullToRefresh, Tabs, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { listPhase } from '../../../lib/use-list-query';
import { teamsApi, type NearTeam } from '../teams.api';
import { useJoinedTeams, useNearTeams, useTeamChange } from '../teams.queries';
import { JoinPopup } from './JoinPopup';
import { TeamCard } from './TeamCard';
import './teams-h5.css';

type Tab = 'near' | 'mine';

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="lx-h5-list-loading" role="status" aria-label={t('loading')}>
      <DotLoading color="primary" />
    </div>
  );
}

/** 加入服务队: the teams near me (my community's, and my street's roving groups), each with its state for me and 申请加入. */
function NearList() {
  const { t } = useTranslation('teams');
  const near = useNearTeams();
  const [joining, setJoining] = useState<NearTeam | null>(null);
  const [sheet, setSheet] = useState(false);
  const ask = useTeamChange((v: { id: string; message: string | null }) => teamsApi.askToJoin(v.id, v.message));
  const phase = listPhase({ rows: near.data, fetching: near.isFetching, failed: near.isError });
  const statusOf = (team: NearTeam) => (team.member ? t('h5.memberState') : team.request?.status === 'open' ? t('h5.requestedState') : team.request?.status === 'refused' ? t('h5.refusedState') : undefined);
  return (
    <PullToRefresh onRefresh={async () => void (await near.refetch())}>
      <div className="lx-h5-list" aria-busy={near.isFetching} data-testid="h5-near-teams">
        {phase === 'waiting' && <Loading />}
        {phase === 'failed' && <ErrorBlock status="default" title={near.error?.message} description="" />}
        {phase === 'empty' && <ErrorBlock status="empty" title={t('h5.nearEmpty')} description={t('h5.nearEmptyHint')} />}
        {phase === 'rows' &&
          near.data!.map((team) => (
            <TeamCard
              key={team.id}
              team={team}
              status={statusOf(team)}
              action={
                !team.member &&
                team.request?.status !== 'open' && (
                  <Button size="small" color="primary" onClick={() => (setJoining(team), setSheet(true))} data-testid="h5-join">
                    {t('h5.join')}
                  </Button>
                )
              }
            />
          ))}
      </div>
      <JoinPopup
        team={joining}
        visible={sheet}
        loading={ask.isPending}
        onClose={() => setSheet(false)}
        onSubmit={(message) =>
          ask.mutate(
            { id: joining!.id, message },
            {
              onSuccess: () => {
                setSheet(false);
                Toast.show({ icon: 'success', content: t('h5.requested') });
              },
              onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
            },
          )
        }
      />
    </PullToRefresh>
  );
}

/** 我的服务队: the teams I belong to; as a leader, with the requests waiting on each. */
function MineList() {
  const { t } = useTranslation('teams');
  const joined = useJoinedTeams();
  const phase = listPhase({ rows: joined.data, fetching: joined.isFetching, failed: joined.isError });
  return (
    <PullToRefresh onRefresh={async () => void (await joined.refetch())}>
      <div className="lx-h5-list" aria-busy={joined.isFetching} data-testid="h5-my-teams">
        {phase === 'waiting' && <Loading />}
        {phase === 'failed' && <ErrorBlock status="default" title={joined.error?.message} description="" />}
        {phase === 'empty' && <ErrorBlock status="empty" title={t('h5.mineEmpty')} description={t('h5.mineEmptyHint')} />}
        {phase === 'rows' &&
          joined.data!.map((team) => (
            <TeamCard
              key={team.id}
              team={team}
              badge={team.openRequests}
              status={!team.active ? t('dissolved') : team.leading ? (team.openRequests ? t('h5.waiting', { count: team.openRequests }) : t('h5.leading')) : undefined}
            />
          ))}
      </div>
    </PullToRefresh>
  );
}

/** 志愿服务队 on the phone: join a team near me, and my teams. */
export function H5TeamsPage() {
  const { t } = useTranslation('teams');
  const back = useBack('/h5');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'mine' ? 'mine' : 'near';
  return (
    <div className="lx-h5-page" data-testid="h5-teams">
      <NavBar onBack={back}>{t('menu.teams')}</NavBar>
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })}>
        <Tabs.Tab title={t('h5.nearTab')} key="near" />
        <Tabs.Tab title={t('h5.mineTab')} key="mine" />
      </Tabs>
      {tab === 'near' ? <NearList /> : <MineList />}
    </div>
  );
}
