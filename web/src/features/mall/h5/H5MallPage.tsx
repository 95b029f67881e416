import { DotLoading, ErrorBlock, InfiniteScroll, NavBar, PullToRefresh, Tabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { listPhase, useInfiniteListQuery } from '../../../lib/use-list-query';
import { mallApi, mallCategories, type MallCategory, type MallItem } from '../mall.api';
import { mallKeys, useMyPoints } from '../mall.queries';
import './mall-h5.css';

const PAGE_SIZE = 10;

function ItemCard({ item }: { item: MallItem }) {
  const { t } = useTranslation('mall');
  const navigate = useNavigate();
  const open = () => navigate(`/h5/mall/${item.id}`);
  return (
    <div className="lx-h5-need-card" data-testid="mall-item-card" data-item-id={item.id}>
      <div className="lx-h5-need-main" onClick={open} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && open()}>
        <div className="lx-h5-need-head">
          <span className="lx-h5-need-title">{item.name}</span>
          <span className="lx-h5-mall-price">{t('price', { points: item.price })}</span>
        </div>
        <div className="lx-h5-need-meta">
          <span>{item.providerName}</span>
          <span>{item.stock > 0 ? t('stockLeft', { stock: item.stock }) : t('soldOut')}</span>
        </div>
      </div>
    </div>
  );
}

/** 积分超市 on the phone: my points, the 四换 tabs, the items of my community and street (nearest first). */
export function H5MallPage() {
  const { t } = useTranslation('mall');
  const navigate = useNavigate();
  const back = useBack('/h5');
  const [tab, setTab] = useState<'all' | MallCategory>('all');
  const points = useMyPoints();
  const query = { pageSize: PAGE_SIZE, ...(tab === 'all' ? {} : { category: tab }) };
  const list = useInfiniteListQuery({ key: [...mallKeys.items, 'infinite', tab], query, fetch: mallApi.items });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phase = listPhase({ rows: items, fetching: list.isPending || list.isFetching, failed: list.isError });

  return (
    <div className="lx-h5-page" data-testid="h5-mall">
      <NavBar onBack={back} right={<a onClick={() => navigate('/h5/mall/mine')} data-testid="mall-mine-link">{t('h5.mine')}</a>}>
        {t('menu.mall')}
      </NavBar>
      <div className="lx-h5-mall-points">
        <span>{t('h5.myPoints')}</span>
        <strong data-testid="mall-points">{points.data ? points.data.points : '…'}</strong>
      </div>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as typeof tab)}>
        <Tabs.Tab title={t('category.all')} key="all" />
        {mallCategories.map((c) => (
          <Tabs.Tab title={t(`category.${c}`)} key={c} />
        ))}
      </Tabs>
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        <div className="lx-h5-list" aria-busy={list.isFetching}>
          {phase === 'waiting' && (
            <div className="lx-h5-list-loading" role="status" aria-label={t('common:loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {phase === 'failed' && <ErrorBlock status="default" title={list.error?.message} description="" />}
          {phase === 'empty' && <ErrorBlock status="empty" title={t('h5.empty')} description="" />}
          {phase === 'rows' && (
            <>
              {items.map((i) => (
                <ItemCard key={i.id} item={i} />
              ))}
              <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
            </>
          )}
        </div>
      </PullToRefresh>
    </div>
  );
}
