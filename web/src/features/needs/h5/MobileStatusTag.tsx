import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { NeedStatus } from '../needs.api';
import { statusTone, type StatusTone } from '../needs.format';

// blue while the community works on it, orange when the resident is asked to act, green when done
const toneColor: Record<StatusTone, string> = { new: '#1d5fbf', working: '#1d5fbf', waiting: '#ad4e00', done: '#237804', stopped: '#595959', alert: '#cf1322' };

export function MobileStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation('needs');
  return (
    <Tag color={toneColor[statusTone(status)]} fill="outline" data-testid="need-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
