import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import type { NeedSummary } from '../needs.api';
import { timeLeft } from '../deadline';
import { TimeLeftText } from '../TimeLeftText';

/** The deadline and, while it runs, the time left (or how long overdue, in red): every board shows it the same way. */
export function DeadlineText({ need }: { need: Pick<NeedSummary, 'status' | 'deadlineAt' | 'overdue' | 'paused'> }) {
  const { t } = useTranslation('needs');
  if (!need.deadlineAt) return <>{t('common:empty')}</>;
  const left = timeLeft(need);
  return (
    <span data-testid="deadline-text">
      <Typography.Text type={left?.over ? 'danger' : undefined}>{formatMinute(need.deadlineAt)}</Typography.Text>
      {left && (
        <div>
          <Typography.Text type={left.over ? 'danger' : 'secondary'} className="lx-deadline-left">
            <TimeLeftText left={left} />
          </Typography.Text>
        </div>
      )}
    </span>
  );
}
