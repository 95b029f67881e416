import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { Screen } from './dashboard.api';
import { categoriesOption, gridMapOption, trendOption } from './screen.charts';

/** The panels a chart fills: it takes the panel's height, whatever the screen. */
export function TrendPanel({ trend }: { trend: Screen['trend'] }) {
  const { t } = useTranslation('dashboard');
  const option = useMemo(() => trendOption(trend, { received: t('trend.received'), completed: t('trend.completed') }), [trend, t]);
  return (
    <section className="lx-screen-panel lx-screen-chart">
      <h2>{t('trend.title')}</h2>
      <EChart option={option} label={t('trend.title')} height="100%" theme="dark" testId="screen-trend" />
    </section>
  );
}

export function CategoriesPanel({ categories }: { categories: Screen['categories'] }) {
  const { t, i18n } = useTranslation('dashboard');
  const option = useMemo(() => {
    // the district names its categories in both languages: the reader's
    const named = categories.map((c) => ({ name: i18n.language.startsWith('en') ? c.nameEn : c.name, received: c.received }));
    return categoriesOption(named, { received: t('categories.received') });
  }, [categories, i18n.language, t]);
  return (
    <section className="lx-screen-panel lx-screen-chart">
      <h2>{t('categories.title')}</h2>
      {categories.length === 0 ? <p className="lx-screen-empty">{t('categories.empty')}</p> : <EChart option={option} label={t('categories.title')} height="100%" theme="dark" testId="screen-categories" />}
    </section>
  );
}

export function GridMapPanel({ grids }: { grids: Screen['grids'] }) {
  const { t } = useTranslation('dashboard');
  const option = useMemo(() => gridMapOption(grids, { open: t('map.open'), overdue: t('map.overdue') }), [grids, t]);
  const unplaced = grids.filter((g) => !g.centre).length;
  return (
    <section className="lx-screen-panel lx-screen-chart lx-screen-map">
      <h2>{t('map.title')}</h2>
      <p className="lx-screen-note">{t('map.legend')}</p>
      {grids.length === 0 ? <p className="lx-screen-empty">{t('map.empty')}</p> : <EChart option={option} label={t('map.title')} height="100%" theme="dark" testId="screen-map" />}
      {unplaced > 0 && <p className="lx-screen-note">{t('map.noCentre', { count: unplaced })}</p>}
    </section>
  );
}
