import { useTranslation } from 'react-i18next';
import type { ScreenTotals } from './dashboard.api';

type Key = keyof ScreenTotals;

/** The cards in the order a command centre reads them: the order chain, its quality, the people, the points. */
const cards: readonly { key: Key; kind: 'count' | 'rate' | 'alert' }[] = [
  { key: 'received', kind: 'count' },
  { key: 'completed', kind: 'count' },
  { key: 'open', kind: 'count' },
  { key: 'overdue', kind: 'alert' },
  { key: 'onTimeRate', kind: 'rate' },
  { key: 'satisfactionRate', kind: 'rate' },
  { key: 'activeVolunteers', kind: 'count' },
  { key: 'teams', kind: 'count' },
  { key: 'verifiedHours', kind: 'count' },
  { key: 'pointsIssued', kind: 'count' },
  { key: 'pointsRedeemed', kind: 'count' },
];

/** A rate with one decimal, nothing counted as a dash (never 0 % for an empty month). */
export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function ScreenCards({ totals }: { totals: ScreenTotals }) {
  const { t, i18n } = useTranslation('dashboard');
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  return (
    <div className="lx-screen-cards" data-testid="screen-cards">
      {cards.map(({ key, kind }) => {
        const value = totals[key];
        const alert = kind === 'alert' && Number(value) > 0;
        return (
          <div key={key} className={`lx-screen-card${alert ? ' lx-screen-card-alert' : ''}`} data-testid={`screen-card-${key}`}>
            <div className="lx-screen-card-value">{kind === 'rate' ? percent(value) : number(value ?? 0)}</div>
            <div className="lx-screen-card-label">{t(`card.${key}`)}</div>
          </div>
        );
      })}
    </div>
  );
}
