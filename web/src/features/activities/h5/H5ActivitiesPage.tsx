import { ClockCircleOutline, EnvironmentOutline } from 'antd-mobile-icons';
import { DotLoading, ErrorBlock, InfiniteScroll, NavBar, PullToRefresh, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { listPhase, useInfiniteListQuery } from '../../../lib/use-list-query';
import { activitiesApi, type Activity } from '../activities.api';
import { activityKeys } from '../activities.queries';
import './activities-h5.css';

const PAGE_SIZE = 10;

function ActivityCard({ activity }: { activity: Activity }) {
  const { t } = useTranslation('activities');
  const navigate = useNavigate();
  const open = () => navigate(`/h5/activities/${activity.id}`);
  const me = activity.me && activity.me.status !== 'cancelled' ? activity.me : null;
  // an activity that is over (我的活动 lists them too): 已参加 or 已结束, never 已报名 and the seats left
  const over = Date.parse(activity.endsAt) < Date.now();
  return (
    <div className="lx-h5-need-card" data-testid="activity-card" data-activity-id={activity.id}>
      <div className="lx-h5-need-main" onClick={open} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && open()}>
        <div className="lx-h5-need-head">
          <span className="lx-h5-need-title">{activity.title}</span>
          {me && over ? (
            <Tag color={me.checkedInAt ? 'success' : 'default'} fill="outline">
              {me.checkedInAt ? t('h5.attended') : t('h5.ended')}
            </Tag>
          ) : me ? (
            <Tag color={me.status === 'signed' ? 'success' : 'warning'} fill="outline">
              {me.status === 'signed' ? t('signup.signed') : t('signup.waitlistedAt', { position: me.position })}
            </Tag>
          ) : (
            activity.themed && <Tag color="danger">{t('themed')}</Tag>
          )}
        </div>
        <div className="lx-h5-need-meta">
          <ClockCircleOutline /> {formatMinute(activity.startsAt)}
          <EnvironmentOutline className="lx-h5-need-gap" /> {activity.place}
        </div>
        <div className="lx-h5-need-meta">
          <span>{activity.organiser.name}</span>
          {!over && <span>{t('seatsLeft', { left: Math.max(0, activity.capacity - activity.signedCount), capacity: activity.capacity })}</span>}
        </div>
      </div>
    </div>
  );
}

/** 活动 on the phone: upcoming activities of my community and street, or those I signed up for. */
export function H5ActivitiesPage() {
  const { t } = useTranslation('activities');
  const back = useBack('/h5');
  const [tab, setTab] = useState<'near' | 'mine'>('near');
  const [from] = useState(() => new Date().toISOString());
  const query = tab === 'near' ? { status: 'published' as const, from, pageSize: PAGE_SIZE } : { mine: true, pageSize: PAGE_SIZE };
  const list = useInfiniteListQuery({ key: [...activityKeys.lists, 'infinite', tab], query, fetch: activitiesApi.list });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phase = listPhase({ rows: items, fetching: list.isPending || list.isFetching, failed: list.isError });

  return (
    <div className="lx-h5-page" data-testid="h5-activities">
      <NavBar onBack={back}>{t('menu.activities')}</NavBar>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as 'near' | 'mine')}>
        <Tabs.Tab title={t('h5.near')} key="near" />
        <Tabs.Tab title={t('h5.mine')} key="mine" />
      </Tabs>
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        <div className="lx-h5-list" aria-busy={list.isFetching}>
          {phase === 'waiting' && (
            <div className="lx-h5-list-loading" role="status" aria-label={t('common:loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {phase === 'failed' && <ErrorBlock status="default" title={list.error?.message} description="" />}
          {phase === 'empty' && <ErrorBlock status="empty" title={t(tab === 'near' ? 'h5.emptyNear' : 'h5.emptyMine')} description="" />}
          {phase === 'rows' && (
            <>
              {items.map((a) => (
                <ActivityCard key={a.id} activity={a} />
              ))}
              <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
            </>
          )}
        </div>
      </PullToRefresh>
    </div>
  );
}
