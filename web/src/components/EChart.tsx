import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** `theme`: 'dark' on a dark page (the big screen), set once when the chart is made; `height` may be a CSS length ('100%'). */
type Props = { option: echarts.EChartsCoreOption; label: string; height?: number | string; testId?: string; theme?: 'dark' };

/** A line, bar or scatter chart drawn by ECharts, sized to its box, redrawn when `option` changes. */
export function EChart({ option, label, height = 260, testId, theme }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, theme);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
    // the theme is the page's, fixed for the chart's life
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} style={{ height, width: '100%' }} data-testid={testId} role="img" aria-label={label} />;
}
