import { Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useActionRunner } from '../use-action-runner';

/** Runs an order action from the phone; a toast says how it went (the phone's own words where it has them); `onHidden` when the need left the caller's sight. */
export function useMobileAction(id: string, onHidden?: () => void) {
  const { t } = useTranslation('needs');
  return useActionRunner(id, {
    done: (action) => Toast.show({ icon: 'success', content: t(`h5.done.${action}`, { defaultValue: t(`done.${action}`) }) }),
    failed: (text) => Toast.show({ icon: 'fail', content: text, duration: 2500 }),
    // the action took the need out of the caller's sight (their team declined it): nothing left to show here
    hidden: onHidden,
  });
}
