import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EChart } from '../../components/EChart';
import { figuresApi, type Figures } from '../figures/figures.api';
import { percent } from '../figures/figures.format';
import type { TodoCounts } from '../needs/needs.api';
import { lastMonths } from './workbench.months';

const MONTHS = 6;
const MAX_CATEGORIES = 8;
const rates = ['onTimeRate', 'satisfactionRate', 'reopenRate'] as const;
const colors = { onTimeRate: '#1677ff', satisfactionRate: '#52c41a', reopenRate: '#fa8c16' } as const;
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/**
 * 考核概况 for my subtree: this month's on-time, satisfaction and reopen rates with the months before
 * (each month is the figures page's own summary, so the numbers are the same as there), and the open
 * to-dos per category.
 */
export function FiguresOverview({ counts }: { counts: TodoCounts | undefined }) {
  const { t, i18n } = useTranslation(['shell', 'figures']);
  const months = useMemo(() => (counts ? lastMonths(counts.now, MONTHS) : []), [counts]);
  const summaries = useQueries({
    queries: months.map((m) => ({
      queryKey: ['figures', 'summary', { from: m.from, to: m.to, groupBy: 'street' }],
      queryFn: ({ signal }: { signal: AbortSignal }) => figuresApi.summary({ from: m.from, to: m.to, groupBy: 'street' }, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const totals = summaries.map((s) => s.data?.totals);
  const current = totals.at(-1);
  const previous = totals.at(-2);

  // the rates per month as one value, so the chart is redrawn when an answer arrives and not on every render
  const points = JSON.stringify(totals.map((x) => rates.map((r) => (x ? pct(x[r]) : null))));
  const trend = useMemo(() => {
    const perMonth = JSON.parse(points) as (number | null)[][];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      grid: { left: 44, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.label) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: rates.map((r, i) => ({ name: t(`figures:kpi.${r}`), type: 'line', connectNulls: true, data: perMonth.map((m) => m[i] ?? null), itemStyle: { color: colors[r] } })),
    };
  }, [months, t, points]);

  const byCategory = useMemo(() => {
    const open = (c: Record<string, number>) => (c.intake ?? 0) + (c.toDispatch ?? 0) + (c.inProgress ?? 0);
    const rows = [...(counts?.byCategory ?? [])].filter((g) => open(g.counts) > 0).sort((a, b) => open(b.counts) - open(a.counts)).slice(0, MAX_CATEGORIES).reverse();
    const name = (g: (typeof rows)[number]) => (i18n.language === 'en' ? g.categoryNameEn : g.categoryName) ?? t('workbench.noCategory');
    const series = (['intake', 'toDispatch', 'inProgress'] as const).map((key) => ({ name: t(`workbench.bucket.${key}`), type: 'bar', stack: 'open', data: rows.map((g) => g.counts[key] ?? 0) }));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(name) },
      series: [...series, { name: t('workbench.bucket.overdue'), type: 'bar', data: rows.map((g) => g.counts.overdue ?? 0), itemStyle: { color: '#cf1322' } }],
    };
  }, [counts, i18n.language, t]);

  return (
    <Row gutter={[16, 16]} className="lx-workbench-row">
      <Col xs={24} xl={14}>
        <Card title={t('workbench.figuresTitle')} extra={<Link to="/figures">{t('workbench.moreFigures')}</Link>} className="lx-workbench-card" data-testid="workbench-figures">
          <Row gutter={12}>
            {rates.map((r) => (
              <Col span={8} key={r}>
                <Statistic
                  title={t(`figures:kpi.${r}`)}
                  value={percent(current?.[r])}
                  loading={!current}
                  data-testid={`workbench-${r}`}
                  suffix={current && previous ? <Change now={current} before={previous} rate={r} /> : null}
                />
              </Col>
            ))}
          </Row>
          {months.length > 0 ? <EChart option={trend} label={t('workbench.trend')} height={220} testId="workbench-trend" /> : <Skeleton active />}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('workbench.byCategory')} className="lx-workbench-card" data-testid="workbench-categories">
          {counts ? <EChart option={byCategory} label={t('workbench.byCategory')} height={286} testId="workbench-category-chart" /> : <Skeleton active />}
        </Card>
      </Col>
    </Row>
  );
}

/** Up or down from last month, in points; reopening less is the good direction. */
function Change({ now, before, rate }: { now: Figures; before: Figures; rate: (typeof rates)[number] }) {
  const { t } = useTranslation('shell');
  const a = now[rate];
  const b = before[rate];
  if (a === null || b === null) return null;
  const points = Math.round((a - b) * 1000) / 10;
  if (points === 0) return <span className="lx-change">{t('workbench.flat')}</span>;
  const good = rate === 'reopenRate' ? points < 0 : points > 0;
  return <span className={`lx-change ${good ? 'lx-change-good' : 'lx-change-bad'}`}>{t('workbench.change', { sign: points > 0 ? '↑' : '↓', points: Math.abs(points) })}</span>;
}
