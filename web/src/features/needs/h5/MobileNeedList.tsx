import { DotLoading, ErrorBlock, InfiniteScroll, PullToRefresh, Tabs } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listPhase, useInfiniteListQuery } from '../../../lib/use-list-query';
import { needsApi, type NeedSummary, type NeedView } from '../needs.api';
import { needKeys } from '../needs.queries';
import type { Stage } from '../needs.stages';
import { useStageTabs } from '../use-stage-tabs';
import { NeedCard } from './NeedCard';

const PAGE_SIZE = 10;

type Props = {
  view: NeedView;
  /** The tabs, each with its label. */
  stages?: (Stage & { label: string })[];
  empty: ReactNode;
  /** Something to put on a card (the grab button of the pool). */
  extra?: (need: NeedSummary) => ReactNode;
  /** The tab to open on (a stage key, e.g. from the page's ?stage=). */
  initialStage?: string | null;
};

/** A phone list of needs: tabs by stage, pull to refresh, more pages as the user scrolls. */
export function MobileNeedList({ view, stages, empty, extra, initialStage }: Props) {
  const { t } = useTranslation();
  const { stage, status, due, select } = useStageTabs(stages ?? [], undefined, initialStage);
  // overdue first where the list is about deadlines
  const query = due ? { view, status, due, sort: 'deadline', pageSize: PAGE_SIZE } : { view, status, pageSize: PAGE_SIZE };
  const list = useInfiniteListQuery({ key: [...needKeys.lists, 'infinite'], query, fetch: needsApi.list });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phase = listPhase({ rows: items, fetching: list.isPending || list.isFetching, failed: list.isError });

  return (
    <>
      {stages && stages.length > 1 && (
        <Tabs activeKey={stage} onChange={select} className="lx-h5-tabs">
          {stages.map((s) => (
            <Tabs.Tab key={s.key} title={s.label} />
          ))}
        </Tabs>
      )}
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        <div className="lx-h5-list" data-testid={`need-list-${view}`} aria-busy={list.isFetching}>
          {phase === 'waiting' && (
            <div className="lx-h5-list-loading" role="status" aria-label={t('loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {phase === 'failed' && <ErrorBlock status="default" title={list.error?.message} description="" />}
          {phase === 'empty' && empty}
          {phase === 'rows' && (
            <>
              {items.map((need) => (
                <NeedCard key={need.id} need={need} extra={extra?.(need)} />
              ))}
              <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
            </>
          )}
        </div>
      </PullToRefresh>
    </>
  );
}
