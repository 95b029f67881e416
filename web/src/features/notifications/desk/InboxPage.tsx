import { Alert, Badge, Button, Card, Segmented, Space, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { formatMinute } from '../../../lib/time';
import { subjectPath, type InboxMessage } from '../inbox.api';
import { useInboxPage, useMarkAllRead, useMarkRead, useUnreadCount } from '../inbox.queries';
import './inbox-desk.css';

/** 消息中心: all my messages, newest first; unread only at a click; a message opens what it is about. */
export function InboxPage() {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const result = useInboxPage({ ...paging, ...(unreadOnly ? { unread: true } : {}) });
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (m: InboxMessage) => {
    if (!m.read) markRead.mutate(m.id);
    navigate(subjectPath(m, 'desk'));
  };

  const columns: TableProps<InboxMessage>['columns'] = [
    { title: '', key: 'state', width: 36, render: (_v, m) => (m.read ? null : <Badge status="error" aria-label={t('unread')} />) },
    {
      title: t('field.title'),
      dataIndex: 'title',
      width: 180,
      render: (v: string, m) => (
        <a onClick={() => open(m)} className={m.read ? undefined : 'lx-inbox-title-unread'}>
          {v}
        </a>
      ),
    },
    { title: t('field.body'), dataIndex: 'body', ellipsis: true },
    { title: t('field.subject'), key: 'subject', width: 190, render: (_v, m) => <span className="lx-mono">{m.subject.label}</span> },
    { title: t('field.time'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatMinute(v) },
    {
      title: t('common:actions'),
      key: 'actions',
      width: 110,
      render: (_v, m) =>
        m.read ? null : (
          <Button type="link" size="small" onClick={() => markRead.mutate(m.id)}>
            {t('markRead')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description', { count: unread.data ?? 0 })}
        extra={
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!unread.data} data-testid="inbox-read-all">
            {t('markAllRead')}
          </Button>
        }
      />
      {result.isError && <Alert type="error" showIcon message={result.error.message} className="lx-page-alert" />}
      <Card>
        <Space className="lx-ledger-toolbar">
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'all', label: t('filter.all') },
              { value: 'unread', label: t('filter.unread') },
            ]}
          />
        </Space>
        <ListTable<InboxMessage>
          rowKey="id"
          size="middle"
          data-testid="inbox-page-table"
          rows={result.data?.items}
          fetching={result.isFetching}
          paging={{ ...paging, total: result.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          columns={columns}
          emptyText={unreadOnly ? t('emptyUnread') : t('empty')}
        />
      </Card>
    </>
  );
}
