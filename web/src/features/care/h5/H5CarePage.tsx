import { RightOutline } from 'antd-mobile-icons';
import { DotLoading, ErrorBlock, NavBar, PullToRefresh } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { listPhase } from '../../../lib/use-list-query';
import { useMe } from '../../auth/session';
import type { Recipient } from '../care.api';
import { useMyRecipients } from '../care.queries';
import { LastVisit, KindTags, PlaceLine } from './CareBits';
import { listNames, otherVolunteers } from './care-phone';
import './care-h5.css';

/** One person I look after: who, where, what they need, when they were last seen and how. The whole card opens them. */
function RecipientCard({ recipient: r }: { recipient: Recipient }) {
  const { t, i18n } = useTranslation('care');
  const { account } = useMe();
  const others = otherVolunteers(r.paired, account.id);
  return (
    <Link to={`/h5/care/${r.id}`} className={`lx-care-card${r.lastCondition === 'urgent' ? ' is-urgent' : ''}`} data-testid="care-card" data-call-name={r.callName}>
      <div className="lx-care-card-head">
        <span className="lx-care-name">{r.callName}</span>
        <RightOutline className="lx-care-more" aria-hidden />
      </div>
      <KindTags types={r.types} />
      <div className="lx-care-line">
        <PlaceLine recipient={r} />
      </div>
      {r.needs && (
        <div className="lx-care-needs">
          <span className="lx-care-label">{t('phone.needs')}</span>
          {r.needs}
        </div>
      )}
      <div className="lx-care-line">
        <LastVisit recipient={r} />
      </div>
      {others.length > 0 && <div className="lx-care-line lx-care-partners">{t('phone.partners', { names: listNames(others, i18n.language) })}</div>}
    </Link>
  );
}

/**
 * 我的结对: the people a volunteer looks after (一对一 / 二对一), in the order they were paired: a card
 * stays where it was after a visit is logged, so an elderly volunteer finds it again.
 */
export function H5CarePage() {
  const { t } = useTranslation('care');
  const back = useBack('/h5');
  const mine = useMyRecipients();
  const phase = listPhase({ rows: mine.data, fetching: mine.isFetching, failed: mine.isError });
  return (
    <div className="lx-h5-page" data-testid="h5-care">
      <NavBar onBack={back}>{t('phone.title')}</NavBar>
      <PullToRefresh onRefresh={async () => void (await mine.refetch())}>
        <div className="lx-care-list" aria-busy={mine.isFetching} data-testid="care-list">
          {phase === 'waiting' && (
            <div className="lx-care-loading" role="status" aria-label={t('common:loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {phase === 'failed' && <ErrorBlock status="default" title={mine.error?.message} description="" />}
          {phase === 'empty' && <ErrorBlock status="empty" title={t('phone.title')} description={t('phone.empty')} data-testid="care-empty" />}
          {phase === 'rows' && (
            <>
              <p className="lx-care-hint">{t('phone.hint')}</p>
              {mine.data!.map((r) => (
                <RecipientCard key={r.id} recipient={r} />
              ))}
            </>
          )}
        </div>
      </PullToRefresh>
    </div>
  );
}
