import { useTranslation } from 'react-i18next';
import { formatHours } from '../lib/hours';

/** "39.9 小时" / "39.9 h": every hours figure in one wording, one decimal, one space before the unit. */
export function HoursText({ hours }: { hours: number | string }) {
  const { t } = useTranslation('common');
  return <>{t('common:hoursValue', { hours: formatHours(hours) })}</>;
}
