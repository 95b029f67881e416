import { DatePicker, Selector } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE } from '../../../lib/time';

export const periods = ['any', 'morning', 'afternoon', 'evening'] as const;
export type Period = (typeof periods)[number];
export type Wanted = { date?: Date; period: Period };

/** Hours each part of the day stands for, in Beijing time. */
const hours: Record<Period, [number, number]> = { any: [8, 21], morning: [8, 12], afternoon: [12, 18], evening: [18, 21] };
const BOOKING_DAYS = 30;

/** The wanted window for the API; no date means "as soon as possible" (no window). */
export function wantedWindow(wanted: Wanted | undefined): { wantedFrom?: string; wantedTo?: string } {
  if (!wanted?.date) return {};
  const day = dayjs(wanted.date).format('YYYY-MM-DD');
  const [from, to] = hours[wanted.period];
  const at = (hour: number) => dayjs.tz(`${day}T${String(hour).padStart(2, '0')}:00:00`, TIME_ZONE).toISOString();
  return { wantedFrom: at(from), wantedTo: at(to) };
}

type Props = { value?: Wanted; onChange?: (value: Wanted) => void };

/** A day (today … 30 days ahead) and a part of the day: easier on a phone than a time range. */
export function WantedTimeField({ value = { period: 'any' }, onChange }: Props) {
  const { t } = useTranslation('needs');
  const [open, setOpen] = useState(false);
  const today = dayjs().startOf('day');
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
          options={periods.map((p) => ({ value: p, label: t(`h5.period.${p}`) }))}
        />
      )}
      <DatePicker
        visible={open}
        precision="day"
        min={today.toDate()}
        max={today.add(BOOKING_DAYS, 'day').toDate()}
        value={value.date}
        onClose={() => setOpen(false)}
        onConfirm={(date) => onChange?.({ ...value, date })}
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
