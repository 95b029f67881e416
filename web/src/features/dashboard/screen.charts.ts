import type { Screen, ScreenGrid } from './dashboard.api';

/*
 * The big screen's chart options, pure (words passed in): on a dark page, transparent behind the
 * panels, large enough to read from across a room.
 */

const AXIS = { axisLine: { lineStyle: { color: '#5b6b8c' } }, axisLabel: { color: '#b8c4e0', fontSize: 13 }, splitLine: { lineStyle: { color: 'rgba(91, 107, 140, 0.25)' } } };
const base = { backgroundColor: 'transparent', textStyle: { fontSize: 13 } };

export function trendOption(trend: Screen['trend'], words: { received: string; completed: string }) {
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#d6def0' } },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: trend.map((m) => m.month), ...AXIS },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      { name: words.received, type: 'bar', data: trend.map((m) => m.received), itemStyle: { color: '#3d8bfd' }, barMaxWidth: 28 },
      { name: words.completed, type: 'line', smooth: true, data: trend.map((m) => m.completed), itemStyle: { color: '#36cfc9' }, lineStyle: { width: 3 } },
    ],
  };
}

export function categoriesOption(categories: { name: string; received: number }[], words: { received: string }) {
  // the largest on top: a horizontal bar's first category is drawn at the bottom
  const shown = [...categories].reverse();
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...AXIS },
    yAxis: { type: 'category', data: shown.map((c) => c.name), ...AXIS },
    series: [{ name: words.received, type: 'bar', data: shown.map((c) => c.received), itemStyle: { color: '#9254de', borderRadius: [0, 4, 4, 0] }, label: { show: true, position: 'right', color: '#d6def0' }, barMaxWidth: 22 }],
  };
}

/** Green with nothing overdue, yellow with one or two, red with three or more: what the legend says. */
export const overdueColour = (overdue: number) => (overdue === 0 ? '#52c41a' : overdue < 3 ? '#faad14' : '#ff4d4f');
/** The dot's area grows with the open needs, so a busy grid stands out without hiding its neighbours. */
export const dotSize = (open: number, most: number) => 8 + 28 * Math.sqrt(open / Math.max(1, most));

/** The grids at their centres (x = longitude, y = latitude): a map without tiles, nothing fetched from outside. */
export function gridMapOption(grids: ScreenGrid[], words: { open: string; overdue: string }) {
  const placed = grids.filter((g) => g.centre);
  const most = Math.max(1, ...placed.map((g) => g.open));
  const data = placed.map((g) => ({
    name: g.parentName ? `${g.parentName} · ${g.name}` : g.name,
    value: [g.centre!.lng, g.centre!.lat, g.open, g.overdue],
    symbolSize: dotSize(g.open, most),
    itemStyle: { color: overdueColour(g.overdue), opacity: 0.85, borderColor: '#0b1533', borderWidth: 1 },
  }));
  const hidden = { ...AXIS, axisLabel: { show: false }, axisTick: { show: false }, splitLine: { show: false }, axisLine: { show: false } };
  return {
    ...base,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number[] }) => `${p.name}<br/>${words.open} ${p.value[2]} · ${words.overdue} ${p.value[3]}`,
    },
    grid: { left: 12, right: 12, top: 12, bottom: 12 },
    // same degrees on both axes would squash a district; the scale keeps the grids apart
    xAxis: { type: 'value', scale: true, ...hidden },
    yAxis: { type: 'value', scale: true, ...hidden },
    series: [{ type: 'scatter', data, emphasis: { focus: 'self', label: { show: true, formatter: '{b}', color: '#fff' } } }],
  };
}
