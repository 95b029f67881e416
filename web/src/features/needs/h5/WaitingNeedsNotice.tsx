import { NoticeBar } from 'antd-mobile';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { onOutboxChange, waitingNeeds } from './need-outbox';

/** How many needs of this account wait on the phone; follows every change, in any tab. */
export function useWaitingCount(accountId: string | undefined): number {
  return useSyncExternalStore(onOutboxChange, () => (accountId ? waitingNeeds(accountId).length : 0));
}

/** "N needs kept on this phone will be sent once online", while there are any. */
export function WaitingNeedsNotice({ accountId }: { accountId: string }) {
  const { t } = useTranslation('needs');
  const count = useWaitingCount(accountId);
  if (count === 0) return null;
  return <NoticeBar data-testid="waiting-needs" color="alert" wrap content={t('h5.waitingBanner', { count })} />;
}
