import { BellOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../inbox.unread';
import './inbox-tab.css';

/**
 * The 消息 tab's icon with the unread count on it (asked every 30 s and on focus, like the desk bell).
 * Drawn by hand rather than with antd-mobile's Badge: tab icons load with the manifests.
 */
export function InboxTabIcon() {
  const { t } = useTranslation('notifications');
  const unread = useUnreadCount().data ?? 0;
  return (
    <span className="lx-h5-tab-bell">
      <BellOutline />
      {unread > 0 && (
        <span className="lx-h5-tab-badge" data-testid="inbox-tab-badge" aria-label={t('bellLabel', { count: unread })}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </span>
  );
}
