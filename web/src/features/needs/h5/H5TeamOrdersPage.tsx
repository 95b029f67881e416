import { ErrorBlock, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { H5TabBar } from '../../h5/H5TabBar';
import { useMyTeams } from '../needs.queries';
import { inboxStages } from '../needs.stages';
import { MobileNeedList } from './MobileNeedList';
import './needs-h5.css';

/** 队长接单 on the phone: orders dispatched to the teams I lead; open one to take, decline or assign it. */
export function H5TeamOrdersPage() {
  const { t } = useTranslation('needs');
  const [params] = useSearchParams();
  const teams = useMyTeams();
  const names = (teams.data ?? []).map((team) => team.name).join('、');
  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-team-orders">
      <NavBar back={null}>{t('menu.teamOrders')}</NavBar>
      {/* a line's room kept while the teams are read, so the orders below do not move under a tap */}
      {teams.isLoading && <p className="lx-h5-list-intro" aria-busy="true">{'\u00a0'}</p>}
      {names && <p className="lx-h5-list-intro">{t('inbox.description', { teams: names })}</p>}
      <MobileNeedList
        view="team"
        initialStage={params.get('stage')}
        stages={inboxStages.map((s) => ({ ...s, label: t(`inbox.stage.${s.key}`) }))}
        empty={<ErrorBlock status="empty" title={t('inbox.empty')} description={teams.data?.length === 0 ? t('inbox.noTeam') : ''} />}
      />
      <H5TabBar />
    </div>
  );
}
