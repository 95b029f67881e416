import { Button, ErrorBlock, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { H5TabBar } from '../../h5/H5TabBar';
import { workStages } from '../needs.stages';
import { MobileNeedList } from './MobileNeedList';
import './needs-h5.css';

/**
 * 待办 on the phone for staff: the needs of my area by what is to be done — a grid worker verifies,
 * a community admin accepts and dispatches (the detail's actions) — and a door visit's need to record.
 */
export function H5WorkPage() {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-work">
      <NavBar back={null}>{t('h5.workTitle')}</NavBar>
      <div className="lx-h5-actions">
        <Button block color="primary" size="large" onClick={() => navigate('/h5/needs/new')} data-testid="h5-visit-entry">
          {t('h5.visitEntry')}
        </Button>
      </div>
      <MobileNeedList
        view="all"
        initialStage={params.get('stage')}
        stages={workStages.map((s) => ({ ...s, label: t(`h5.workStage.${s.key}`) }))}
        empty={<ErrorBlock status="empty" title={t('h5.workEmpty')} description="" />}
      />
      <H5TabBar />
    </div>
  );
}
