import { Toast } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useSession } from '../../auth/session';
import { needKeys } from '../needs.queries';
import { flush, waitingNeeds } from './need-outbox';

/**
 * Sends the needs kept on the phone when the page opens and whenever the connection comes back;
 * mounted once by the phone frame. Renders nothing.
 */
export function NeedOutboxSender() {
  const accountId = useSession().data?.account.id;
  const queryClient = useQueryClient();
  const send = useCallback(async () => {
    if (!accountId || !navigator.onLine || waitingNeeds(accountId).length === 0) return;
    // the server's refusal is already in the reader's language; what went through shows in the lists
    const sent = await flush(accountId, (_w, error) => Toast.show({ content: error instanceof Error ? error.message : String(error) }));
    if (sent > 0) await queryClient.invalidateQueries({ queryKey: needKeys.lists });
  }, [accountId, queryClient]);
  useEffect(() => {
    void send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [send]);
  return null;
}
