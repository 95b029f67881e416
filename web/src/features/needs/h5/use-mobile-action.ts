import { Toast } from 'antd-mobile';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isHidden, type NeedAction, type NeedDetail } from '../needs.api';
import { needErrorText } from '../needs.format';
import { useNeedAction } from '../needs.queries';

/** Runs an order action from the phone: a toast either way; resolves to the need now, or null. */
export function useMobileAction(id: string) {
  const { t } = useTranslation('needs');
  const mutation = useNeedAction(id);
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (action: NeedAction, body?: object): Promise<NeedDetail | null> => {
      try {
        const result = await mutateAsync({ action, body });
        Toast.show({ icon: 'success', content: t(`h5.done.${action}`, { defaultValue: t(`done.${action}`) }) });
        return isHidden(result) ? null : result;
      } catch (error) {
        Toast.show({ icon: 'fail', content: needErrorText(error, t), duration: 2500 });
        return null;
      }
    },
    [mutateAsync, t],
  );
  return { run, pending: mutation.isPending, pendingAction: mutation.isPending ? mutation.variables?.action : undefined };
}
