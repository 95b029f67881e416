import { EnvironmentOutline, ClockCircleOutline } from 'antd-mobile-icons';
import { DotLoading, ErrorBlock, InfiniteScroll, NavBar, PullToRefresh, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { listPhase, useInfiniteListQuery } from '../../../lib/use-list-query';
import { whistlesApi, type WhistleRow } from '../whistles.api';
import { whistleKeys } from '../whistles.queries';
import './whistles-h5.css';

const PAGE_SIZE = 10;

function WhistleCard({ whistle }: { whistle: WhistleRow }) {
  const { t } = useTranslation('whistles');
  const navigate = useNavigate();
  const open = () => navigate(`/h5/whistles/${whistle.id}`);
  return (
    <div className="lx-h5-need-card" data-testid="whistle-card" data-whistle-id={whistle.id}>
      <div className="lx-h5-need-main" onClick={open} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && open()}>
        <div className="lx-h5-need-head">
          <span className="lx-h5-need-title">{whistle.need?.title}</span>
          <Tag color={whistle.state === 'open' ? 'primary' : 'default'} fill="outline">
            {t(`state.${whistle.state}`)}
          </Tag>
        </div>
        <div className="lx-h5-need-meta">
          <span>{t('panel.street', { street: whistle.street.name })}</span>
          <span>{t('progress.value', whistle.progress)}</span>
        </div>
        <div className="lx-h5-need-meta">
          <EnvironmentOutline /> {whistle.need?.regionName}
          <ClockCircleOutline className="lx-h5-need-gap" /> {formatMinute(whistle.openedAt)}
        </div>
        {whistle.myPending > 0 && <div className="lx-h5-need-meta lx-h5-whistle-pending">{t('pending', { count: whistle.myPending })}</div>}
      </div>
    </div>
  );
}

/** 吹哨报到 on the phone: the whistles I was called to (a team's leader, a unit's contact), newest first. */
export function H5WhistlesPage() {
  const { t } = useTranslation('whistles');
  const back = useBack('/h5');
  const list = useInfiniteListQuery({ key: [...whistleKeys.lists, 'infinite'], query: { calledToMe: true, pageSize: PAGE_SIZE }, fetch: whistlesApi.list });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phase = listPhase({ rows: items, fetching: list.isPending || list.isFetching, failed: list.isError });

  return (
    <div className="lx-h5-page" data-testid="h5-whistles">
      <NavBar onBack={back}>{t('menu.whistles')}</NavBar>
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        <div className="lx-h5-list" aria-busy={list.isFetching}>
          {phase === 'waiting' && (
            <div className="lx-h5-list-loading" role="status" aria-label={t('common:loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {phase === 'failed' && <ErrorBlock status="default" title={list.error?.message} description="" />}
          {phase === 'empty' && <ErrorBlock status="empty" title={t('emptyMine')} description={t('h5.emptyHint')} />}
          {phase === 'rows' && (
            <>
              {items.map((w) => (
                <WhistleCard key={w.id} whistle={w} />
              ))}
              <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
            </>
          )}
        </div>
      </PullToRefresh>
    </div>
  );
}
