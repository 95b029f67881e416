import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { phoneLedgerApi, phoneLedgerKeys } from '../../ledger/h5/phone.api';
import { useMyRegistration } from '../volunteers.queries';
import { HoursText } from '../../../components/HoursText';

/** The volunteer's points balance in the time bank (储蓄存折); null while it loads. */
export function useMyPoints(enabled: boolean) {
  return useQuery({ queryKey: phoneLedgerKeys.mine, queryFn: () => phoneLedgerApi.mine(), enabled, staleTime: 60_000, select: (me) => me.points });
}

/** A registered volunteer's record, or null for one who is not (yet, or any more) serving. */
export function useServingVolunteer() {
  const mine = useMyRegistration();
  const v = mine.data?.volunteer;
  return { mine, volunteer: v && (v.status === 'active' || v.status === 'suspended') ? v : null };
}

/**
 * Verified hours, this year's hours and points side by side — on 我的 and on the volunteer's home card.
 * `onOpen` makes the row one tap to where the figures come from.
 */
export function VolunteerFigures({ onOpen, testId = 'me-figures' }: { onOpen?: () => void; testId?: string }) {
  const { t } = useTranslation('volunteers');
  const { mine, volunteer } = useServingVolunteer();
  const points = useMyPoints(Boolean(volunteer));
  if (!volunteer) return null;
  const body = (
    <>
      <div>
        <strong data-testid="me-hours"><HoursText hours={mine.data?.card?.verifiedHours ?? volunteer.verifiedHours} /></strong>
        <span>{t('h5.meHours')}</span>
      </div>
      <div>
        <strong><HoursText hours={volunteer.hoursThisYear} /></strong>
        <span>{t('h5.meHoursYear')}</span>
      </div>
      <div data-testid="me-points">
        <strong>{points.data ?? '–'}</strong>
        <span>{t('h5.points')}</span>
      </div>
    </>
  );
  return onOpen ? (
    <button type="button" className="lx-h5-figures lx-h5-figures-button" onClick={onOpen} data-testid={testId}>
      {body}
    </button>
  ) : (
    <div className="lx-h5-figures" data-testid={testId}>
      {body}
    </div>
  );
}
