import { CheckCircleOutline, EnvironmentOutline, ExclamationCircleOutline } from 'antd-mobile-icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DotLoading, ErrorBlock, InfiniteScroll, NavBar, PullToRefresh, Tabs, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { listPhase, useInfiniteListQuery } from '../../../lib/use-list-query';
import { useMe } from '../../auth/session';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { postsApi, typeName, type BoardPost } from '../posts.api';
import { postKeys, useMyPosts } from '../posts.queries';
import './posts-h5.css';

const PAGE_SIZE = 10;

function PostCard({ post }: { post: BoardPost }) {
  const { t, i18n } = useTranslation('posts');
  const queryClient = useQueryClient();
  const report = useMobileErrorReporter();
  const [pending, setPending] = useState(false);
  const act = async (what: 'claim' | 'release') => {
    if (!(await Dialog.confirm({ content: what === 'claim' ? t('h5.claimConfirm', { title: post.title }) : t('h5.releaseConfirm', { title: post.title }) }))) return;
    setPending(true);
    try {
      await (what === 'claim' ? postsApi.claim(post.id) : postsApi.release(post.id));
      Toast.show({ icon: 'success', content: what === 'claim' ? t('h5.claimed') : t('h5.released') });
    } catch (error) {
      report(error);
    } finally {
      setPending(false);
      await queryClient.invalidateQueries({ queryKey: postKeys.all });
    }
  };
  const period = post.endsOn ? t('period', { from: post.startsOn, to: post.endsOn }) : t('periodOpen', { from: post.startsOn });
  return (
    <div className="lx-h5-need-card" data-testid="post-card" data-post-title={post.title}>
      <div className="lx-h5-need-main">
        <div className="lx-h5-need-head">
          <span className="lx-h5-need-title">{post.title}</span>
          <Tag color="primary" fill="outline">
            {typeName(post.type, i18n.language)}
          </Tag>
        </div>
        <div className="lx-h5-need-meta">
          <span>{post.community.name}</span>
          <Tag color={post.nearness === 'community' ? 'success' : 'default'} fill="outline">
            {t(`nearness.${post.nearness}`)}
          </Tag>
          <span>{post.free > 0 ? t('h5.placesLeft', { count: post.free, quota: post.quota }) : t('full')}</span>
        </div>
        <div className="lx-h5-post-duties">{post.duties}</div>
        <div className="lx-h5-need-meta">
          <EnvironmentOutline /> {post.place}
          <span className="lx-h5-need-gap">{period}</span>
        </div>
        <div className="lx-h5-need-meta">
          {post.fits ? (
            <span className="lx-h5-post-fit" data-testid="post-fits">
              <CheckCircleOutline /> {post.skills.length ? t('h5.fits', { skills: post.skills.join('、') }) : t('h5.fitsAnyone')}
            </span>
          ) : (
            <span className="lx-h5-post-unfit" data-testid="post-unfit">
              <ExclamationCircleOutline /> {t('h5.missing', { skills: post.missingSkills.join('、') })}
            </span>
          )}
        </div>
      </div>
      <div className="lx-h5-need-extra">
        {post.mine ? (
          <Button block fill="outline" loading={pending} onClick={() => void act('release')} data-testid="post-release">
            {t('h5.release')}
          </Button>
        ) : (
          <Button block color="primary" disabled={!post.fits || post.free === 0} loading={pending} onClick={() => void act('claim')} data-testid="post-claim">
            {post.free === 0 ? t('full') : t('h5.claim')}
          </Button>
        )}
      </div>
    </div>
  );
}

function Waiting({ label }: { label: string }) {
  return (
    <div className="lx-h5-list-loading" role="status" aria-label={label}>
      <DotLoading color="primary" />
    </div>
  );
}

/** Posts near me: my community's first, then my street's, then the district's; marked by fit. */
function NearList() {
  const { t } = useTranslation('posts');
  const list = useInfiniteListQuery({ key: [...postKeys.near, 'infinite'], query: { pageSize: PAGE_SIZE }, fetch: postsApi.near });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phase = listPhase({ rows: items, fetching: list.isPending || list.isFetching, failed: list.isError });
  return (
    <PullToRefresh onRefresh={async () => void (await list.refetch())}>
      <div className="lx-h5-list" aria-busy={list.isFetching} data-testid="posts-near">
        {phase === 'waiting' && <Waiting label={t('common:loading')} />}
        {phase === 'failed' && <ErrorBlock status="default" title={list.error?.message} description="" />}
        {phase === 'empty' && <ErrorBlock status="empty" title={t('h5.nearEmpty')} description={t('h5.nearEmptyHint')} />}
        {phase === 'rows' && (
          <>
            {items.map((p) => (
              <PostCard key={p.id} post={p} />
            ))}
            <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
          </>
        )}
      </div>
    </PullToRefresh>
  );
}

function MineList() {
  const { t } = useTranslation('posts');
  const mine = useMyPosts();
  const phase = listPhase({ rows: mine.data, fetching: mine.isFetching, failed: mine.isError });
  return (
    <div className="lx-h5-list" aria-busy={mine.isFetching} data-testid="posts-mine">
      {phase === 'waiting' && <Waiting label={t('common:loading')} />}
      {phase === 'failed' && <ErrorBlock status="default" title={mine.error?.message} description="" />}
      {phase === 'empty' && <ErrorBlock status="empty" title={t('h5.mineEmpty')} description={t('h5.mineEmptyHint')} />}
      {phase === 'rows' && mine.data!.map((p) => <PostCard key={p.id} post={p} />)}
    </div>
  );
}

/** 岗位认领 on the phone: posts near me to claim, and the posts I hold. */
export function H5PostsPage() {
  const { t } = useTranslation('posts');
  const back = useBack('/h5');
  const { account } = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : 'near';
  return (
    <div className="lx-h5-page" data-testid="h5-posts">
      <NavBar onBack={back}>{t('menu.phonePosts')}</NavBar>
      {account.roles.includes('volunteer') ? (
        <>
          <Tabs activeKey={tab} onChange={(key) => setParams(key === 'mine' ? { tab: 'mine' } : {}, { replace: true })}>
            <Tabs.Tab title={t('h5.near')} key="near" />
            <Tabs.Tab title={t('h5.mine')} key="mine" />
          </Tabs>
          {tab === 'near' ? <NearList /> : <MineList />}
        </>
      ) : (
        <ErrorBlock status="empty" title={t('h5.volunteersOnly')} description={t('h5.volunteersOnlyHint')} />
      )}
    </div>
  );
}
