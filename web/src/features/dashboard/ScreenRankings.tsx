import { useTranslation } from 'react-i18next';
import type { Screen } from './dashboard.api';
import { percent } from './ScreenCards';

/** This month's best teams (needs completed, satisfaction) and volunteers (verified hours). */
export function TeamRanking({ teams }: { teams: Screen['teams'] }) {
  const { t } = useTranslation('dashboard');
  return (
    <section className="lx-screen-panel" data-testid="screen-teams">
      <h2>{t('teams.title')}</h2>
      {teams.length === 0 ? (
        <p className="lx-screen-empty">{t('teams.empty')}</p>
      ) : (
        // a team's name is long and its figures two: the figures go under the name, or the name is cut to nothing
        <ol className="lx-screen-ranking is-two-line">
          {teams.map((team) => (
            <li key={team.id}>
              <span className="lx-screen-rank">{team.rank}</span>
              <span className="lx-screen-name" title={team.name}>
                {team.name}
              </span>
              {/* satisfaction only when someone rated: a dash beside every team says nothing */}
              <span className="lx-screen-figure">
                {t('teams.completed', { count: team.completed })}
                {team.satisfactionRate !== null && ` · ${t('teams.satisfied', { rate: percent(team.satisfactionRate) })}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function VolunteerRanking({ volunteers }: { volunteers: Screen['volunteers'] }) {
  const { t } = useTranslation('dashboard');
  return (
    <section className="lx-screen-panel" data-testid="screen-volunteers">
      <h2>{t('volunteers.title')}</h2>
      {volunteers.length === 0 ? (
        <p className="lx-screen-empty">{t('volunteers.empty')}</p>
      ) : (
        <ol className="lx-screen-ranking">
          {volunteers.map((v) => (
            <li key={v.rank}>
              <span className="lx-screen-rank">{v.rank}</span>
              <span className="lx-screen-name" title={`${v.name} · ${v.community}`}>
                {v.name}
                <small>{v.community}</small>
              </span>
              <span className="lx-screen-figure">{t('volunteers.hours', { hours: v.hours })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
