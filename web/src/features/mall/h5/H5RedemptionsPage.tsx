import { DotLoading, ErrorBlock, InfiniteScroll, NavBar, PullToRefresh } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { listPhase, useInfiniteListQuery } from '../../../lib/use-list-query';
import { mallApi } from '../mall.api';
import { mallKeys } from '../mall.queries';
import { RedemptionTag } from './MallBits';
import './mall-h5.css';

/** 我的兑换: my redemptions, newest first; a pending one opens on its pickup code. */
export function H5RedemptionsPage() {
  const { t } = useTranslation('mall');
  const navigate = useNavigate();
  const back = useBack('/h5/mall');
  const list = useInfiniteListQuery({ key: [...mallKeys.redemptions, 'infinite', 'mine'], query: { mine: true, pageSize: 10 }, fetch: mallApi.redemptions });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phase = listPhase({ rows: items, fetching: list.isPending || list.isFetching, failed: list.isError });
  return (
    <div className="lx-h5-page" data-testid="h5-redemptions">
      <NavBar onBack={back}>{t('h5.mine')}</NavBar>
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        <div className="lx-h5-list">
          {phase === 'waiting' && (
            <div className="lx-h5-list-loading" role="status" aria-label={t('common:loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {phase === 'failed' && <ErrorBlock status="default" title={list.error?.message} description="" />}
          {phase === 'empty' && <ErrorBlock status="empty" title={t('h5.noRedemptions')} description="" />}
          {phase === 'rows' && (
            <>
              {items.map((r) => (
                <div key={r.id} className="lx-h5-need-card" data-testid="redemption-card">
                  <div className="lx-h5-need-main" role="button" tabIndex={0} onClick={() => navigate(`/h5/mall/redemptions/${r.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/h5/mall/redemptions/${r.id}`)}>
                    <div className="lx-h5-need-head">
                      <span className="lx-h5-need-title">
                        {r.itemName} ×{r.quantity}
                      </span>
                      <RedemptionTag status={r.status} />
                    </div>
                    <div className="lx-h5-need-meta">
                      <span>{t('price', { points: r.points })}</span>
                      <span>{formatMinute(r.createdAt)}</span>
                    </div>
                  </div>
                </div>
              ))}
              <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
            </>
          )}
        </div>
      </PullToRefresh>
    </div>
  );
}
