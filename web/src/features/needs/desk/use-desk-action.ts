import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isHidden, type NeedAction, type NeedDetail, type NeedSummary } from '../needs.api';
import { needErrorText } from '../needs.format';
import { useNeedAction } from '../needs.queries';

/**
 * Runs one order action from the back office and says how it went. Resolves to the need as it is
 * now (or null when refused); a refusal because someone acted first refreshes the page's data.
 */
export function useDeskAction(need: Pick<NeedSummary, 'id'>, onHidden?: () => void) {
  const { t } = useTranslation('needs');
  const { message } = App.useApp();
  const mutation = useNeedAction(need.id);
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (action: NeedAction, body?: object): Promise<NeedDetail | null> => {
      try {
        const result = await mutateAsync({ action, body });
        void message.success(t(`done.${action}`, { defaultValue: t('common:saved') }));
        if (isHidden(result)) {
          onHidden?.();
          return null;
        }
        return result;
      } catch (error) {
        void message.error(needErrorText(error, t));
        return null;
      }
    },
    [mutateAsync, message, t, onHidden],
  );
  return { run, pending: mutation.isPending, pendingAction: mutation.isPending ? mutation.variables?.action : undefined };
}
