import { Button, Dialog, DotLoading, ErrorBlock, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { useCategoryNames } from '../categories';
import { teamsApi, type JoinRequest, type TeamDetail } from '../teams.api';
import { useTeam, useTeamChange, useTeamRequests } from '../teams.queries';
import { JoinPopup, RefusePopup } from './JoinPopup';
import './teams-h5.css';
import { HoursText } from '../../../components/HoursText';

const failed = (e: Error) => Toast.show({ icon: 'fail', content: e.message });

/** The requests waiting on a team, for its leader on the phone: 同意 or 拒绝 with a reason. */
function Requests({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const requests = useTeamRequests({ teamId: team.id, status: 'open', page: 1, pageSize: 50 });
  const accept = useTeamChange((id: string) => teamsApi.accept(id));
  const refuse = useTeamChange((v: { id: string; reason: string }) => teamsApi.refuse(v.id, v.reason));
  const [refusing, setRefusing] = useState<string | null>(null);
  const items = requests.data?.items ?? [];
  const confirmAccept = (r: JoinRequest) =>
    void Dialog.confirm({ content: t('requests.acceptConfirm', { name: r.person.name }) }).then(
      (ok) => ok && accept.mutate(r.id, { onSuccess: () => Toast.show({ icon: 'success', content: t('requests.accepted') }), onError: failed }),
    );
  return (
    <List mode="card" header={t('requests.title', { count: items.length })} data-testid="h5-team-requests">
      {items.length === 0 && <List.Item>{t('requests.empty')}</List.Item>}
      {items.map((r) => (
        <List.Item key={r.id}>
          <div className="lx-h5-request" data-testid="h5-request" data-person={r.person.name}>
            <span>
              {r.person.name} <span className="lx-muted">{r.person.phone}</span>
            </span>
            {r.message && <span className="lx-muted">{r.message}</span>}
            <span className="lx-muted">{formatMinute(r.createdAt)}</span>
            <div className="lx-h5-team-action" style={{ padding: 0 }}>
              <Button size="small" color="danger" fill="outline" onClick={() => setRefusing(r.id)} data-testid="h5-request-refuse">
                {t('requests.refuse')}
              </Button>
              <Button size="small" color="primary" loading={accept.isPending && accept.variables === r.id} onClick={() => confirmAccept(r)} data-testid="h5-request-accept">
                {t('requests.accept')}
              </Button>
            </div>
          </div>
        </List.Item>
      ))}
      <RefusePopup
        visible={refusing !== null}
        loading={refuse.isPending}
        onClose={() => setRefusing(null)}
        onSubmit={(reason) => refuse.mutate({ id: refusing!, reason }, { onSuccess: () => (setRefusing(null), Toast.show({ icon: 'success', content: t('requests.refused') })), onError: failed })}
      />
    </List>
  );
}

/** A team on the phone: what it is, its members (for those inside it), 申请加入 or 退出, and for its leader the requests. */
export function H5TeamPage() {
  const { t } = useTranslation('teams');
  const { id = '' } = useParams();
  const back = useBack('/h5/teams');
  const detail = useTeam(id);
  const categories = useCategoryNames();
  const [sheet, setSheet] = useState(false);
  const ask = useTeamChange((message: string | null) => teamsApi.askToJoin(id, message));
  const leave = useTeamChange(() => teamsApi.leave(id));
  const team = detail.data;
  const confirmLeave = () =>
    void Dialog.confirm({ content: t('h5.leaveConfirm', { name: team?.name ?? '' }) }).then((ok) => ok && leave.mutate(undefined, { onSuccess: () => Toast.show({ icon: 'success', content: t('h5.left') }), onError: failed }));

  return (
    <div className="lx-h5-page" data-testid="h5-team" data-member={team?.me.member}>
      <NavBar onBack={back}>{t('menu.teams')}</NavBar>
      {detail.isError && <ErrorBlock status="default" title={detail.error.message} description="" />}
      {!team && !detail.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {team && (
        <>
          <header className="lx-h5-need-hero">
            <Tag color="primary" fill="outline">
              {t(`type.${team.type}`)}
              {team.thinkTankModule && ` · ${t(`module.${team.thinkTankModule}`)}`}
            </Tag>
            <h2 data-testid="h5-team-name">{team.name}</h2>
            <p>{team.description ?? t('h5.noDescription')}</p>
          </header>
          <List mode="card">
            <List.Item extra={team.regionName}>{t('field.community')}</List.Item>
            <List.Item extra={team.leader.name}>{t('field.leader')}</List.Item>
            <List.Item extra={team.categories.map(categories.nameOf).join('、') || t('common:empty')}>{t('field.categories')}</List.Item>
            {team.contactPhone && <List.Item extra={team.contactPhone}>{t('field.contactPhone')}</List.Item>}
            <List.Item extra={team.memberCount}>{t('field.members')}</List.Item>
            <List.Item extra={<HoursText hours={team.hoursServed} />}>{t('h5.hoursLabel')}</List.Item>
            <List.Item extra={team.averageRating ?? '—'}>{t('field.rating')}</List.Item>
          </List>
          {team.me.canDecide && <Requests team={team} />}
          {team.members.length > 0 && (
            <List mode="card" header={t('members.title', { count: team.members.length })}>
              {team.members.map((m) => (
                <List.Item key={m.id} extra={m.phone}>
                  {m.name} {m.leader && <Tag color="warning">{t('leaderTag')}</Tag>}
                </List.Item>
              ))}
            </List>
          )}
          <div className="lx-h5-team-action" style={{ padding: '0 12px 24px' }}>
            {team.active && !team.me.member && team.me.request?.status !== 'open' && (
              <Button block color="primary" size="large" onClick={() => setSheet(true)} data-testid="h5-team-join">
                {t('h5.join')}
              </Button>
            )}
            {team.me.request?.status === 'open' && <span className="lx-h5-team-status">{t('h5.requestedState')}</span>}
            {team.me.member && !team.me.leader && (
              <Button block fill="outline" color="danger" onClick={confirmLeave} data-testid="h5-team-leave">
                {t('h5.leave')}
              </Button>
            )}
          </div>
          <JoinPopup
            team={team}
            visible={sheet}
            loading={ask.isPending}
            onClose={() => setSheet(false)}
            onSubmit={(message) => ask.mutate(message, { onSuccess: () => (setSheet(false), Toast.show({ icon: 'success', content: t('h5.requested') })), onError: failed })}
          />
        </>
      )}
    </div>
  );
}
