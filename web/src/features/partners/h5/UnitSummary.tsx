import { useTranslation } from 'react-i18next';

/** "2026 年在职党员服务情况 · 每年不少于 10 小时": each half kept on one line, the rule never split from its figure. */
export function UnitSummary({ year, minimum }: { year: number; minimum: number }) {
  const { t } = useTranslation('partners');
  return (
    <div className="lx-h5-partner-meta">
      <span className="lx-nowrap">{t('h5.summaryYear', { year })}</span> · <span className="lx-nowrap">{t('h5.summaryMinimum', { minimum })}</span>
    </div>
  );
}
