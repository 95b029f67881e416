import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from './deadlines.api';
import { monthGrid } from './calendar-grid';

type Props = { year: number; month: number; days: ReadonlyMap<string, CalendarDay>; today: string; onPick?: (day: string) => void };

/** One month: days off in red, make-up working days marked 班, weekends greyed. */
export function MonthGrid({ year, month, days, today, onPick }: Props) {
  const { t } = useTranslation('deadlines');
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div className="lx-month">
      <div className="lx-month-title">{t('calendar.month', { month })}</div>
      <table className="lx-month-grid">
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w}>{w}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week, i) => (
            <tr key={i}>
              {Array.from({ length: 7 }, (_, j) => week[j] ?? null).map((cell, j) => {
                if (!cell) return <td key={j} />;
                const set = days.get(cell.day);
                const classes = ['lx-day', cell.weekend && 'lx-day-weekend', set && `lx-day-${set.kind}`, cell.day === today && 'lx-day-today', onPick && 'lx-day-clickable'].filter(Boolean).join(' ');
                const body = (
                  <button type="button" className={classes} disabled={!onPick} onClick={() => onPick?.(cell.day)} data-day={cell.day} data-kind={set?.kind ?? ''} aria-label={set ? `${cell.day} ${set.name}` : cell.day}>
                    {cell.date}
                    {set && <span className="lx-day-mark">{t(`calendar.mark.${set.kind}`)}</span>}
                  </button>
                );
                return <td key={j}>{set ? <Tooltip title={`${set.name} · ${t(`calendar.kind.${set.kind}`)}`}>{body}</Tooltip> : body}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
