import { DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import type { NeedDetail } from '../needs.api';
import { useNeedDetail } from '../needs.queries';
import { DetailActions } from './DetailActions';
import { DetailInfo } from './DetailInfo';
import { MobileStatusTag } from './MobileStatusTag';
import { NeedSteps } from './NeedSteps';
import './needs-h5.css';

const staffParties = ['gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin'];

/** Where "back" goes when the page was opened directly: the list this user came from most likely. */
function homeListOf(need: NeedDetail | undefined): string {
  if (need?.myRelations.includes('assignee')) return '/h5/tasks';
  if (need?.myRelations.includes('teamLeader')) return '/h5/team-orders';
  if (need?.myRelations.some((r) => staffParties.includes(r))) return '/h5/work';
  if (need?.myRelations.includes('volunteer')) return '/h5/pool';
  return '/h5/needs';
}

/** One need on the phone: state and what it means for me, the facts, the progress, my actions. */
export function H5NeedDetailPage() {
  const { t } = useTranslation('needs');
  const { id } = useParams();
  const detail = useNeedDetail(id);
  const need = detail.data;
  const back = useBack(homeListOf(need));
  // volunteers read what to do next; the requester and those following the need read where it stands
  const role = need?.myRelations.some((r) => r === 'assignee' || r === 'volunteer') ? 'helper' : 'requester';

  return (
    <div className="lx-h5-page lx-h5-with-actions" data-testid="h5-need-detail" data-status={need?.status}>
      <NavBar onBack={back}>{t('h5.detailTitle')}</NavBar>
      {detail.isError && <ErrorBlock status="default" title={detail.error.message} description="" />}
      {!need && !detail.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {need && (
        <>
          <header className="lx-h5-need-hero">
            <MobileStatusTag status={need.status} whistle={need.whistle} />
            <h2>{need.title}</h2>
            <p>{t(`h5.statusHint.${role}.${need.status}`, { defaultValue: '' })}</p>
            <span className="lx-h5-need-number">{need.number}</span>
          </header>
          <DetailInfo need={need} />
          <List mode="card" header={t('detail.timeline')}>
            <List.Item>
              <NeedSteps need={need} />
            </List.Item>
          </List>
          <DetailActions need={need} />
        </>
      )}
    </div>
  );
}
