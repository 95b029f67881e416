import { Badge, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TeamRow } from '../teams.api';

type Props = { team: TeamRow; status?: string; badge?: number; action?: React.ReactNode };

/** A team on the phone: name, type, community, leader and size; tapping it opens its page. */
export function TeamCard({ team, status, badge, action }: Props) {
  const { t } = useTranslation('teams');
  const navigate = useNavigate();
  const open = () => navigate(`/h5/teams/${team.id}`);
  return (
    <div className="lx-h5-need-card" data-testid="h5-team-card" data-team-id={team.id} data-team-name={team.name}>
      <div className="lx-h5-need-main" onClick={open} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && open()}>
        <div className="lx-h5-need-head">
          <span className="lx-h5-need-title">{team.name}</span>
          {badge ? <Badge content={badge} /> : null}
        </div>
        <div className="lx-h5-need-meta">
          <Tag color="primary" fill="outline">
            {t(`type.${team.type}`)}
            {team.thinkTankModule && ` · ${t(`module.${team.thinkTankModule}`)}`}
          </Tag>
          <span>{team.regionName}</span>
          <span>{t('h5.members', { count: team.memberCount })}</span>
        </div>
        <div className="lx-h5-need-meta">{t('h5.leader', { name: team.leader.name })}</div>
        {team.description && <div className="lx-h5-need-meta lx-h5-team-description">{team.description}</div>}
        {status && <div className="lx-h5-need-meta lx-h5-team-status">{status}</div>}
      </div>
      {action && <div className="lx-h5-team-action">{action}</div>}
    </div>
  );
}
