import { DatePicker, Selector } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodOver, periods, type Period, type Wanted } from './wanted-window';

/** The parts of a day, earliest first. */
const parts = periods.filter((p) => p !== 'any');

/** How far ahead a day may be picked. */
const BOOKING_DAYS = 30;

type Props = { value?: Wanted; onChange?: (value: Wanted) => void };

/**
 * A day (today … 30 days ahead) and a part of the day: easier on a phone than a time range. A part
 * of today that is over cannot be picked, nor today once it is all over; a day picked with a part
 * that is over on it moves to the first part still to come.
 */
export function WantedTimeField({ value = { period: 'any' }, onChange }: Props) {
  const { t } = useTranslation('needs');
  const [open, setOpen] = useState(false);
  const now = Date.now();
  const today = dayjs().startOf('day');
  const first = periodOver(today.toDate(), 'any', now) ? today.add(1, 'day') : today;
  const pick = (date: Date) => {
    // the first part still to come (上午, 下午, 晚上), not 全天: it began at 08:00 and ends with 晚上
    const period = periodOver(date, value.period, now) ? (parts.find((p) => !periodOver(date, p, now)) ?? 'any') : value.period;
    onChange?.({ date, period });
  };
  return (
    <div className="lx-h5-wanted">
      <div className={value.date ? 'lx-h5-picker-value' : 'lx-h5-picker-placeholder'} onClick={() => setOpen(true)} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setOpen(true)}>
        {value.date ? dayjs(value.date).format(t('h5.dateFormat')) : t('h5.wantedSoon')}
      </div>
      {value.date && (
        <Selector
          className="lx-h5-selector"
          value={[value.period]}
          onChange={(picked) => onChange?.({ ...value, period: (picked[0] as Period | undefined) ?? 'any' })}
          options={periods.map((p) => ({ value: p, label: t(`h5.period.${p}`), disabled: periodOver(value.date!, p, now) }))}
        />
      )}
      <DatePicker
        visible={open}
        precision="day"
        min={first.toDate()}
        max={today.add(BOOKING_DAYS, 'day').toDate()}
        value={value.date}
        onClose={() => setOpen(false)}
        onConfirm={pick}
        title={t('h5.wantedDate')}
      >
        {() => null}
      </DatePicker>
      {value.date && (
        <button type="button" className="lx-h5-link-button" onClick={() => onChange?.({ period: 'any' })}>
          {t('h5.wantedClear')}
        </button>
      )}
    </div>
  );
}
