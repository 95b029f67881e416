import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TeamRow } from '../teams.api';

/** The team's type (and a think tank's field), and "dissolved" once it is. */
export function TeamTags({ team }: { team: Pick<TeamRow, 'type' | 'thinkTankModule' | 'active'> }) {
  const { t } = useTranslation('teams');
  return (
    <>
      <Tag bordered={false} color="blue">
        {t(`type.${team.type}`)}
        {team.thinkTankModule && ` · ${t(`module.${team.thinkTankModule}`)}`}
      </Tag>
      {!team.active && (
        <Tag bordered={false} data-testid="team-dissolved">
          {t('dissolved')}
        </Tag>
      )}
    </>
  );
}
