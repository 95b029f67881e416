import { useQuery } from '@tanstack/react-query';
import { DotLoading, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { boardApi, boardKeys } from '../board.api';

const medal = (rank: number) => (rank <= 3 ? ` is-top-${rank}` : '');

/** 光荣榜: the month's volunteers by verified hours and the teams by orders completed. */
export function BoardHonours({ districtId, regionId, month }: { districtId: string; regionId?: string; month: string }) {
  const { t } = useTranslation('board');
  const honours = useQuery({ queryKey: boardKeys.honours(districtId, regionId, month), queryFn: () => boardApi.honours(districtId, { regionId, month }), staleTime: 5 * 60_000 });
  if (honours.isPending) return <div className="lx-board-loading"><DotLoading /></div>;
  if (honours.isError) return <ErrorBlock status="default" title={t('failed')} description="" />;
  const h = honours.data;
  return (
    <div data-testid="board-honours">
      <h2 className="lx-board-heading">{t('honourVolunteers')}</h2>
      {h.volunteers.length === 0 && <p className="lx-board-hint">{t('empty.honours')}</p>}
      <ol className="lx-board-ranks">
        {h.volunteers.map((v) => (
          <li key={v.rank} className={`lx-board-rank${medal(v.rank)}`} data-testid="board-volunteer">
            <span className="lx-board-rank-no">{v.rank}</span>
            <span className="lx-board-rank-who">
              <span className="lx-board-rank-name">
                {v.name}
                {v.stars > 0 && <span className="lx-board-stars" aria-label={t('stars', { n: v.stars })}>{'★'.repeat(v.stars)}</span>}
              </span>
              <span className="lx-board-line">{v.community}</span>
            </span>
            <span className="lx-board-rank-value">{t('hours', { hours: v.hours, services: v.services })}</span>
          </li>
        ))}
      </ol>
      <h2 className="lx-board-heading">{t('honourTeams')}</h2>
      {h.teams.length === 0 && <p className="lx-board-hint">{t('empty.teams')}</p>}
      <ol className="lx-board-ranks">
        {h.teams.map((team) => (
          <li key={team.rank} className={`lx-board-rank${medal(team.rank)}`} data-testid="board-team">
            <span className="lx-board-rank-no">{team.rank}</span>
            <span className="lx-board-rank-who">
              <span className="lx-board-rank-name">{team.name}</span>
            </span>
            <span className="lx-board-rank-value">{t('completedCount', { n: team.completed })}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
