import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { useMe } from '../../auth/session';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { postStatuses, postsApi, typeName, type CommunityCount, type NewPost, type Post, type PostPatch, type PostStatus } from '../posts.api';
import { postKeys, usePostCounts, usePostTypes, usePosts } from '../posts.queries';
import { ClaimantsDrawer } from './ClaimantsDrawer';
import { PostFormModal } from './PostFormModal';

const ADMINS = ['communityAdmin', 'streetAdmin', 'districtAdmin'];

/** Places held of the quota, the in-service party members' among them. */
function Places({ post }: { post: Post }) {
  const { t } = useTranslation('posts');
  return (
    <Space direction="vertical" size={0}>
      <span>{t('places', { claimed: post.claimed, quota: post.quota })}</span>
      {post.free === 0 ? <Tag color="orange" bordered={false}>{t('full')}</Tag> : <span className="lx-muted">{t('free', { count: post.free })}</span>}
      {post.inServiceClaims > 0 && <span className="lx-muted">{t('inServiceClaims', { count: post.inServiceClaims })}</span>}
    </Space>
  );
}

/** 岗位: the posts of my subtree, filtered by community, type, status and free places; publish, edit, close, claimants; counts per community. */
export function PostsPage() {
  const { t, i18n } = useTranslation('posts');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const { account } = useMe();
  const admin = account.roles.some((r) => ADMINS.includes(r));
  const ownCommunity = account.roles.includes('communityAdmin') && !account.roles.some((r) => r === 'streetAdmin' || r === 'districtAdmin');
  const [view, setView] = useState<'list' | 'counts'>('list');
  const [filters, setFilters] = useState<{ regionId?: string; typeId?: string; status?: PostStatus; hasFree?: boolean }>({ status: 'open' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const [claimantsOf, setClaimantsOf] = useState<Post | null>(null);
  const list = usePosts({ ...filters, ...paging });
  const counts = usePostCounts(filters.regionId, view === 'counts');
  const types = usePostTypes(true);
  const refilter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: postKeys.all });
  const close = useMutation({
    mutationFn: (id: string) => postsApi.close(id),
    onSuccess: async () => {
      message.success(t('closed'));
      await refresh();
    },
    onError: (e) => report(e),
  });
  const save = async (values: NewPost | PostPatch) => {
    if (editing && editing !== 'new') await postsApi.update(editing.id, values as PostPatch);
    else await postsApi.publish(values as NewPost);
    setEditing(null);
    message.success(t(editing === 'new' ? 'published' : 'saved'));
    await refresh();
  };

  const columns = [
    {
      title: t('field.title'),
      key: 'title',
      render: (_: unknown, p: Post) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong data-testid="post-row-title">{p.title}</Typography.Text>
          <span className="lx-muted">{p.place}</span>
          {p.skills.length > 0 && <span className="lx-muted">{t('skillsNeeded', { skills: p.skills.join('、') })}</span>}
        </Space>
      ),
    },
    { title: t('field.type'), key: 'type', width: 110, render: (_: unknown, p: Post) => <Tag bordered={false}>{typeName(p.type, i18n.language)}</Tag> },
    { title: t('field.community'), key: 'community', width: 130, render: (_: unknown, p: Post) => p.community.name },
    { title: t('field.places'), key: 'places', width: 140, render: (_: unknown, p: Post) => <Places post={p} /> },
    { title: t('field.period'), key: 'period', width: 190, render: (_: unknown, p: Post) => (p.endsOn ? t('period', { from: p.startsOn, to: p.endsOn }) : t('periodOpen', { from: p.startsOn })) },
    { title: t('field.status'), key: 'status', width: 90, render: (_: unknown, p: Post) => <Tag color={p.status === 'open' ? 'processing' : 'default'} bordered={false}>{t(`status.${p.status}`)}</Tag> },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, p: Post) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => setClaimantsOf(p)} data-testid="post-claimants">
            {t('claimants.open')}
          </Button>
          {p.canManage && (
            <Button size="small" type="link" onClick={() => setEditing(p)}>
              {t('common:edit')}
            </Button>
          )}
          {p.canManage && p.status === 'open' && (
            <Popconfirm title={t('closeConfirm')} onConfirm={() => close.mutate(p.id)}>
              <Button size="small" type="link" danger>
                {t('close')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  const countColumns = [
    { title: t('field.community'), dataIndex: 'communityName', key: 'name' },
    { title: t('counts.posts'), dataIndex: 'posts', key: 'posts', width: 100 },
    { title: t('counts.open'), dataIndex: 'openPosts', key: 'open', width: 100 },
    { title: t('counts.quota'), dataIndex: 'quota', key: 'quota', width: 100 },
    { title: t('counts.claimed'), dataIndex: 'claimed', key: 'claimed', width: 100 },
    { title: t('counts.inService'), dataIndex: 'inServiceClaims', key: 'inService', width: 140 },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.posts')}
        description={t('intro')}
        extra={
          admin && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="post-publish">
              {t('form.publish')}
            </Button>
          )
        }
      />
      <Card data-testid="posts-page">
        <Space size={16} wrap>
          <Segmented value={view} onChange={(v) => setView(v as 'list' | 'counts')} options={[{ value: 'list', label: t('view.list') }, { value: 'counts', label: t('view.counts') }]} />
          <RegionTreeSelect allowClear placeholder={t('filter.community')} value={filters.regionId} onChange={(regionId) => refilter({ regionId })} style={{ width: 220 }} />
          {view === 'list' && (
            <>
              <Select allowClear placeholder={t('filter.type')} style={{ width: 160 }} value={filters.typeId} onChange={(typeId) => refilter({ typeId })} options={(types.data ?? []).map((x) => ({ value: x.id, label: typeName(x, i18n.language) }))} />
              <Select allowClear placeholder={t('filter.status')} style={{ width: 120 }} value={filters.status} onChange={(status) => refilter({ status })} options={postStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
              <Checkbox checked={Boolean(filters.hasFree)} onChange={(e) => refilter({ hasFree: e.target.checked || undefined })}>
                {t('filter.hasFree')}
              </Checkbox>
            </>
          )}
        </Space>
        {view === 'list' ? (
          <ListTable<Post>
            style={{ marginTop: 16 }}
            rowKey="id"
            size="middle"
            data-testid="posts-table"
            columns={columns}
            rows={list.data?.items}
            fetching={list.isFetching}
            emptyText={t('empty')}
            paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          />
        ) : (
          <Table<CommunityCount> style={{ marginTop: 16 }} rowKey="communityId" size="middle" columns={countColumns} dataSource={counts.data} loading={counts.isFetching} pagination={false} data-testid="post-counts" />
        )}
      </Card>
      {editing && <PostFormModal post={editing === 'new' ? null : editing} ownCommunity={ownCommunity} onCancel={() => setEditing(null)} onSubmit={save} />}
      {claimantsOf && <ClaimantsDrawer post={claimantsOf} onClose={() => setClaimantsOf(null)} />}
    </>
  );
}
