import { Button, Picker } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** The last twelve months, the newest first, as YYYY-MM in Shanghai time. */
export function recentMonths(now = new Date(), count = 12): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}

/** The month counted: a button that opens a picker of the last twelve. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation('board');
  const label = (m: string) => t('monthLabel', { year: m.slice(0, 4), month: Number(m.slice(5)) });
  return (
    <Picker
      columns={[recentMonths().map((m) => ({ label: label(m), value: m }))]}
      value={[value]}
      onConfirm={(v) => v[0] && onChange(String(v[0]))}
      cancelText={t('cancel')}
      confirmText={t('confirm')}
    >
      {(_, actions) => (
        <Button size="small" className="lx-board-month" onClick={actions.open} data-testid="board-month">
          {label(value)} ▾
        </Button>
      )}
    </Picker>
  );
}
