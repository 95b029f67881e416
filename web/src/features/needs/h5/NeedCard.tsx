import { ClockCircleOutline, EnvironmentOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import type { NeedSummary } from '../needs.api';
import { categoryLabel } from '../needs.format';
import { timeLeft } from '../deadline';
import { TimeLeftText } from '../TimeLeftText';
import { MobileStatusTag } from './MobileStatusTag';

/** One need in a phone list: title and state, what and where, when; tap for the detail. */
export function NeedCard({ need, extra }: { need: NeedSummary; extra?: ReactNode }) {
  const { t, i18n } = useTranslation('needs');
  const navigate = useNavigate();
  const left = timeLeft(need);
  return (
    <div className="lx-h5-need-card" data-testid="need-card" data-need-id={need.id}>
      <div className="lx-h5-need-main" onClick={() => navigate(`/h5/needs/${need.id}`)} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && navigate(`/h5/needs/${need.id}`)}>
        <div className="lx-h5-need-head">
          <span className="lx-h5-need-title">{need.title}</span>
          <MobileStatusTag status={need.status} whistle={need.whistle} />
        </div>
        <div className="lx-h5-need-meta">
          <span className="lx-h5-need-category">{categoryLabel(need, i18n.language)}</span>
          <span>{t(`kind.${need.kind}`)}</span>
          {need.slots > 1 && <span>{t('slotsValue', { filled: need.filled, slots: need.slots })}</span>}
        </div>
        <div className="lx-h5-need-meta">
          <EnvironmentOutline /> {need.regionName}
          <ClockCircleOutline className="lx-h5-need-gap" /> {formatMinute(need.createdAt)}
        </div>
        {left && (
          // while it is being handled: how long is left, or how long overdue, in red
          <div className={`lx-h5-need-meta lx-h5-need-due${left.over ? ' lx-h5-need-over' : ''}`} data-testid="need-card-due">
            {t('field.deadlineAt')} <span className="lx-nowrap">{formatMinute(need.deadlineAt)}</span>{' '}
            {/* the dot goes to the next line with what it introduces, never left at a line's end */}
            <span className="lx-nowrap">
              · <TimeLeftText left={left} />
            </span>
          </div>
        )}
      </div>
      {extra && <div className="lx-h5-need-extra">{extra}</div>}
    </div>
  );
}
