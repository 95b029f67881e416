import { useTranslation } from 'react-i18next';
import { isHidden, type NeedAction, type NeedDetail } from './needs.api';
import { needErrorText } from './needs.format';
import { useNeedAction } from './needs.queries';

type Report = {
  /** The action went through: say so (a message on the desk, a toast on the phone). */
  done: (action: NeedAction) => void;
  /** It was refused: say why, in words (someone acted first, the state moved on, …). */
  failed: (text: string) => void;
  /** It went through but the caller may no longer see the need (their team declined it). */
  hidden?: () => void;
};

/**
 * Runs one order action, from either surface: resolves to the need as it is now, or null when
 * refused or no longer visible. A refusal because someone acted first refreshes the cached need.
 */
export function useActionRunner(id: string, report: Report) {
  const { t } = useTranslation('needs');
  const mutation = useNeedAction(id);
  // a fresh function each render, like the report it closes over: callers only call it from handlers
  const run = async (action: NeedAction, body?: object): Promise<NeedDetail | null> => {
    try {
      const result = await mutation.mutateAsync({ action, body });
      report.done(action);
      if (!isHidden(result)) return result;
      report.hidden?.();
      return null;
    } catch (error) {
      report.failed(needErrorText(error, t));
      return null;
    }
  };
  return { run, pending: mutation.isPending, pendingAction: mutation.isPending ? mutation.variables?.action : undefined };
}
