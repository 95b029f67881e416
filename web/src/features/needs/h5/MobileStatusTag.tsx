import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { NeedStatus, NeedSummary } from '../needs.api';
import { statusTone, whistleClosed, type StatusTone } from '../needs.format';

// blue while the community works on it, orange when the resident is asked to act, green when done
const toneColor: Record<StatusTone, string> = { new: '#1d5fbf', working: '#1d5fbf', waiting: '#ad4e00', done: '#237804', stopped: '#595959', alert: '#cf1322' };

/** The state; an escalated need whose whistle the street has closed says so (已结束吹哨), as on the desk. */
export function MobileStatusTag({ status, whistle }: { status: NeedStatus; whistle?: NeedSummary['whistle'] }) {
  const { t } = useTranslation('needs');
  const closed = whistleClosed({ status, whistle });
  return (
    <Tag color={toneColor[closed ? 'waiting' : statusTone(status)]} fill="outline" data-testid="need-status" data-status={status} data-whistle={whistle ?? undefined}>
      {closed ? t('whistleClosed') : t(`status.${status}`)}
    </Tag>
  );
}
