import { Button, DotLoading, ErrorBlock, InfiniteScroll, NavBar, PullToRefresh, Tabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { listPhase } from '../../../lib/use-list-query';
import { formatMinute } from '../../../lib/time';
import { H5TabBar } from '../../h5/H5TabBar';
import { subjectPath, type InboxMessage } from '../inbox.api';
import { useInboxPages, useMarkAllRead, useMarkRead, useUnreadCount } from '../inbox.queries';
import './inbox-h5.css';

const PAGE_SIZE = 10;

/** 消息: my messages as large, tappable cards; a tap opens the task or need it is about. */
export function H5InboxPage() {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const [tab, setTab] = useState<'all' | 'unread'>('all');
  const list = useInboxPages({ pageSize: PAGE_SIZE, ...(tab === 'unread' ? { unread: true } : {}) });
  const unread = useUnreadCount().data ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phase = listPhase({ rows: items, fetching: list.isPending || list.isFetching, failed: list.isError });

  const open = (m: InboxMessage) => {
    if (!m.read) markRead.mutate(m.id);
    navigate(subjectPath(m, 'phone'));
  };

  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-inbox">
      <NavBar
        back={null}
        right={
          <Button size="small" fill="none" color="primary" onClick={() => navigate('/h5/inbox/preferences')}>
            {t('h5.settings')}
          </Button>
        }
      >
        {t('h5.title')}
      </NavBar>
      <div className="lx-h5-inbox-bar">
        <Tabs activeKey={tab} onChange={(k) => setTab(k === 'unread' ? 'unread' : 'all')} className="lx-h5-inbox-tabs">
          <Tabs.Tab key="all" title={t('filter.all')} />
          <Tabs.Tab key="unread" title={t('filter.unreadCount', { count: unread })} />
        </Tabs>
        <Button size="small" fill="outline" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('markAllRead')}
        </Button>
      </div>
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        <div className="lx-h5-inbox-list" data-testid="h5-inbox-list" aria-busy={list.isFetching}>
          {phase === 'waiting' && (
            <div className="lx-h5-inbox-loading" role="status" aria-label={t('common:loading')}>
              <DotLoading color="primary" />
            </div>
          )}
          {phase === 'failed' && <ErrorBlock status="default" title={list.error?.message} description="" />}
          {phase === 'empty' && <ErrorBlock status="empty" title={tab === 'unread' ? t('emptyUnread') : t('empty')} description={t('h5.emptyHint')} />}
          {phase === 'rows' && (
            <>
              {items.map((m) => (
                <button type="button" key={m.id} className={m.read ? 'lx-h5-inbox-card' : 'lx-h5-inbox-card lx-h5-inbox-card-unread'} onClick={() => open(m)} data-testid="h5-inbox-card">
                  <div className="lx-h5-inbox-card-head">
                    <span className="lx-h5-inbox-card-title">
                      {!m.read && <span className="lx-h5-inbox-dot" aria-label={t('unread')} />}
                      {m.title}
                    </span>
                    <span className="lx-h5-inbox-card-time">{formatMinute(m.createdAt)}</span>
                  </div>
                  <p className="lx-h5-inbox-card-body">{m.body}</p>
                </button>
              ))}
              <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
            </>
          )}
        </div>
      </PullToRefresh>
      <H5TabBar />
    </div>
  );
}
