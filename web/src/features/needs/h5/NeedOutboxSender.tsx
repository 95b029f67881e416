import { NoticeBar, Toast } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { needKeys } from '../needs.queries';
import { flush, onOutboxChange, waitingNeeds } from './need-outbox';

/** How many needs of this account wait on the phone; follows every change, in any tab. */
export function useWaitingCount(accountId: string | undefined): number {
  return useSyncExternalStore(onOutboxChange, () => (accountId ? waitingNeeds(accountId).length : 0));
}

/**
 * Sends the needs kept on the phone when the page opens and whenever the connection comes back;
 * mounted once by the phone frame. Renders nothing.
 */
export function NeedOutboxSender() {
  const { t } = useTranslation('needs');
  const accountId = useSession().data?.account.id;
  const queryClient = useQueryClient();
  const send = useCallback(async () => {
    if (!accountId || !navigator.onLine || waitingNeeds(accountId).length === 0) return;
    const sent = await flush(accountId, (_w, error) => Toast.show({ content: t('h5.refusedWaiting', { message: error instanceof Error ? error.message : '' }) }));
    if (sent > 0) {
      Toast.show({ icon: 'success', content: t('h5.sentWaiting', { count: sent }) });
      await queryClient.invalidateQueries({ queryKey: needKeys.lists });
    }
  }, [accountId, queryClient, t]);
  useEffect(() => {
    void send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [send]);
  return null;
}

/** "N needs kept on this phone will be sent once online", while there are any. */
export function WaitingNeedsNotice({ accountId }: { accountId: string }) {
  const { t } = useTranslation('needs');
  const count = useWaitingCount(accountId);
  if (count === 0) return null;
  return <NoticeBar data-testid="waiting-needs" color="alert" wrap content={t('h5.waitingBanner', { count })} />;
}
