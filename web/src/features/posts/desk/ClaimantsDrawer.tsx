import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { formatMinute } from '../../../lib/time';
import { postsApi, type Claimant, type Post } from '../posts.api';
import { postKeys, useClaimants } from '../posts.queries';

/** Who holds a place on a post: staff take one off with a reason (the volunteer is told) or put a volunteer on directly. */
export function ClaimantsDrawer({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation('posts');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const claimants = useClaimants(post.id);
  const [removing, setRemoving] = useState<Claimant | null>(null);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string>();
  const term = useDebouncedValue(search.trim(), 300);
  const people = useQuery({ queryKey: ['accounts', 'pick', 'volunteer', term], queryFn: () => api.get('/api/accounts', { query: { q: term, role: 'volunteer', page: 1, pageSize: 20 } }), enabled: term.length > 0 });
  const changed = async (rows: Claimant[]) => {
    queryClient.setQueryData(postKeys.claimants(post.id), rows);
    await queryClient.invalidateQueries({ queryKey: postKeys.lists });
  };
  const assign = useMutation({
    mutationFn: (id: string) => postsApi.assign(post.id, id),
    onSuccess: async (rows) => {
      setPicked(undefined);
      message.success(t('claimants.assigned'));
      await changed(rows);
    },
    onError: (e) => report(e),
  });
  const remove = useMutation({
    mutationFn: (v: { volunteerId: string; reason: string }) => postsApi.remove(post.id, v.volunteerId, v.reason),
    onSuccess: async (rows) => {
      setRemoving(null);
      message.success(t('claimants.removed'));
      await changed(rows);
    },
    onError: (e) => report(e),
  });

  const columns = [
    { title: t('claimants.name'), key: 'name', render: (_: unknown, c: Claimant) => <Space size={4}>{c.name}{c.inService && <Tag color="red" bordered={false}>{t('claimants.inService')}</Tag>}</Space> },
    { title: t('claimants.phone'), dataIndex: 'phone', key: 'phone', width: 130 },
    {
      title: t('claimants.how'),
      key: 'how',
      width: 150,
      render: (_: unknown, c: Claimant) => (
        <Space direction="vertical" size={0}>
          <span>{t(c.assigned ? 'claimants.byStaff' : 'claimants.bySelf')}</span>
          {c.missingSkills.length > 0 && <Typography.Text type="warning">{t('claimants.missing', { skills: c.missingSkills.join('、') })}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('claimants.at'), key: 'at', width: 140, render: (_: unknown, c: Claimant) => formatMinute(c.claimedAt) },
    { title: t('field.actions'), key: 'actions', width: 80, render: (_: unknown, c: Claimant) => post.canManage && <Button size="small" type="link" danger onClick={() => setRemoving(c)}>{t('claimants.remove')}</Button> },
  ];

  return (
    <Drawer open width={760} title={t('claimants.title', { title: post.title })} onClose={onClose} data-testid="claimants-drawer">
      <Typography.Paragraph type="secondary">{t('claimants.summary', { claimed: post.claimed, quota: post.quota, inService: post.inServiceClaims })}</Typography.Paragraph>
      {post.canManage && post.status === 'open' && post.free > 0 && (
        <Space style={{ marginBottom: 16 }}>
          <Select
            showSearch
            style={{ width: 320 }}
            value={picked}
            filterOption={false}
            onSearch={setSearch}
            onChange={setPicked}
            placeholder={t('claimants.search')}
            notFoundContent={term ? t('claimants.none') : null}
            options={(people.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} ${a.phone}` }))}
          />
          <Button disabled={!picked} loading={assign.isPending} onClick={() => picked && assign.mutate(picked)}>
            {t('claimants.assign')}
          </Button>
        </Space>
      )}
      <Table<Claimant> rowKey="volunteerId" size="small" columns={columns} dataSource={claimants.data} loading={claimants.isFetching} pagination={false} locale={{ emptyText: t('claimants.empty') }} />
      {removing && (
        <Modal open title={t('claimants.removeTitle', { name: removing.name })} okText={t('claimants.remove')} okButtonProps={{ danger: true, loading: remove.isPending, form: 'remove-claimant', htmlType: 'submit' }} onCancel={() => setRemoving(null)} destroyOnHidden>
          <Form id="remove-claimant" layout="vertical" onFinish={(v: { reason: string }) => remove.mutate({ volunteerId: removing.volunteerId, reason: v.reason.trim() })}>
            <Form.Item name="reason" label={t('claimants.reason')} extra={t('claimants.reasonHint')} rules={[{ required: true, whitespace: true, message: t('claimants.reasonRequired') }]}>
              <Input.TextArea maxLength={200} rows={3} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Drawer>
  );
}
