import { Button, ErrorBlock, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/session';
import { H5TabBar } from '../../h5/H5TabBar';
import { mineStages } from '../needs.stages';
import { MobileNeedList } from './MobileNeedList';
import { WaitingNeedsNotice } from './WaitingNeedsNotice';
import './needs-h5.css';

/** 我的需求: what I asked for and what I follow, with where each one stands. */
export function H5MyNeedsPage() {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const { account } = useMe();
  const [params] = useSearchParams();
  const post = (
    <Button size="small" color="primary" fill="none" onClick={() => navigate('/h5/needs/new')} data-testid="post-need">
      {t('h5.service.needs')}
    </Button>
  );
  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-my-needs">
      <NavBar back={null} right={post}>
        {t('h5.mineTitle')}
      </NavBar>
      <WaitingNeedsNotice accountId={account.id} />
      <MobileNeedList
        view="mine"
        initialStage={params.get('stage')}
        stages={mineStages.map((s) => ({ ...s, label: t(`h5.mineStage.${s.key}`) }))}
        empty={
          <ErrorBlock status="empty" title={t('h5.mineEmpty')} description={t('h5.mineEmptyHint')}>
            <Button color="primary" onClick={() => navigate('/h5/needs/new')}>
              {t('h5.service.needs')}
            </Button>
          </ErrorBlock>
        }
      />
      <H5TabBar />
    </div>
  );
}
