import { DotLoading, ErrorBlock, InfiniteScroll, PullToRefresh, Tabs } from 'antd-mobile';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteListQuery } from '../../../lib/use-list-query';
import { needsApi, type NeedSummary, type NeedView } from '../needs.api';
import { needKeys } from '../needs.queries';
import type { Stage } from '../needs.stages';
import { NeedCard } from './NeedCard';

const PAGE_SIZE = 10;

type Props = {
  view: NeedView;
  /** The tabs, each with its label. */
  stages?: (Stage & { label: string })[];
  empty: ReactNode;
  /** Something to put on a card (the grab button of the pool). */
  extra?: (need: NeedSummary) => ReactNode;
};

/** A phone list of needs: tabs by stage, pull to refresh, more pages as the user scrolls. */
export function MobileNeedList({ view, stages, empty, extra }: Props) {
  const { t } = useTranslation();
  const [stage, setStage] = useState(stages?.[0]?.key);
  const status = stages?.find((s) => s.key === stage)?.status;
  const list = useInfiniteListQuery({ key: [...needKeys.lists, 'infinite'], query: { view, status, pageSize: PAGE_SIZE }, fetch: needsApi.list });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      {stages && stages.length > 1 && (
        <Tabs activeKey={stage} onChange={setStage} className="lx-h5-tabs">
          {stages.map((s) => (
            <Tabs.Tab key={s.key} title={s.label} />
          ))}
        </Tabs>
      )}
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        <div className="lx-h5-list" data-testid={`need-list-${view}`} aria-busy={list.isFetching}>
          {list.isPending && (
            <div className="lx-h5-list-loading" role="status" aria-label={t('loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {list.isError && <ErrorBlock status="default" title={list.error.message} description="" />}
          {list.isSuccess && items.length === 0 ? empty : items.map((need) => <NeedCard key={need.id} need={need} extra={extra?.(need)} />)}
          {list.isSuccess && items.length > 0 && <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />}
        </div>
      </PullToRefresh>
    </>
  );
}
