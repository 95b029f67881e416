import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureGroup, GroupBy } from './figures.api';
import { groupLabel } from './figures.format';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The groups shown at most: the best and the rest are in the table below. */
const MAX_BARS = 20;
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** The ranking as bars: on-time and satisfaction rate per group, in ranking order. */
export function RankingChart({ groups, groupBy }: { groups: FigureGroup[]; groupBy: GroupBy }) {
  const { t } = useTranslation('figures');
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const shown = groups.slice(0, MAX_BARS);
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: 96 },
        xAxis: { type: 'category', data: shown.map((g) => groupLabel(g) ?? t(`none.${groupBy}`)), axisLabel: { interval: 0, rotate: shown.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          { name: t('kpi.onTimeRate'), type: 'bar', data: shown.map((g) => pct(g.onTimeRate)), itemStyle: { color: '#1677ff' } },
          { name: t('kpi.satisfactionRate'), type: 'bar', data: shown.map((g) => pct(g.satisfactionRate)), itemStyle: { color: '#52c41a' } },
        ],
      },
      true,
    );
  }, [groups, groupBy, t]);

  return <div ref={box} className="lx-figures-chart" data-testid="figures-chart" role="img" aria-label={t('chartTitle')} />;
}
