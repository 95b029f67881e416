import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedSummary } from '../needs.api';
import { useActionRunner } from '../use-action-runner';

/** Runs one order action from the back office; antd messages say how it went. */
export function useDeskAction(need: Pick<NeedSummary, 'id'>, onHidden?: () => void) {
  const { t } = useTranslation('needs');
  const { message } = App.useApp();
  return useActionRunner(need.id, {
    done: (action) => void message.success(t(`done.${action}`, { defaultValue: t('common:saved') })),
    failed: (text) => void message.error(text),
    hidden: onHidden,
  });
}
