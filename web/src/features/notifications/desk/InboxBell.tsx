import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { subjectPath, type InboxMessage } from '../inbox.api';
import { useInboxPage, useMarkAllRead, useMarkRead, useUnreadCount } from '../inbox.queries';
import './inbox-desk.css';

const LATEST = 6;

/** The top bar's bell: the unread count (polled), and the latest messages one click away. */
export function InboxBell() {
  const { t } = useTranslation('notifications');
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useInboxPage({ page: 1, pageSize: LATEST }, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();

  const openMessage = (m: InboxMessage) => {
    setOpen(false);
    if (!m.read) markRead.mutate(m.id);
    navigate(subjectPath(m, 'desk'));
  };

  const content = (
    <div className="lx-inbox-pop" data-testid="inbox-dropdown">
      {latest.isFetching && !latest.data ? (
        <Spin className="lx-inbox-pop-spin" />
      ) : latest.data?.items.length ? (
        <List
          size="small"
          dataSource={latest.data.items}
          renderItem={(m) => (
            <List.Item className={m.read ? 'lx-inbox-item' : 'lx-inbox-item lx-inbox-unread'} onClick={() => openMessage(m)}>
              <List.Item.Meta title={m.title} description={<Typography.Paragraph ellipsis={{ rows: 2 }} className="lx-inbox-body">{m.body}</Typography.Paragraph>} />
              <span className="lx-inbox-time">{formatMinute(m.createdAt)}</span>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      )}
      <div className="lx-inbox-pop-footer">
        <Button type="link" size="small" disabled={!unread.data} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('markAllRead')}
        </Button>
        <Link to="/inbox" onClick={() => setOpen(false)}>
          {t('viewAll')}
        </Link>
      </div>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} title={t('title')} arrow={false}>
      <button type="button" className="lx-inbox-bell" aria-label={t('bellLabel', { count: unread.data ?? 0 })} data-testid="inbox-bell">
        <Badge count={unread.data ?? 0} size="small" overflowCount={99}>
          <BellOutlined className="lx-inbox-bell-icon" />
        </Badge>
      </button>
    </Popover>
  );
}
