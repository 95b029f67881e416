import dayjs from 'dayjs';

/** One cell of a month grid: a date of the month, or a blank before the 1st. */
export type GridCell = { day: string; date: number; weekend: boolean } | null;

/** The weeks of a month, Monday first (as Chinese calendars print them). */
export function monthGrid(year: number, month: number): GridCell[][] {
  const first = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);
  const lead = (first.day() + 6) % 7;
  const cells: GridCell[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= first.daysInMonth(); d++) {
    const date = first.date(d);
    cells.push({ day: date.format('YYYY-MM-DD'), date: d, weekend: date.day() === 0 || date.day() === 6 });
  }
  const weeks: GridCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
