import { useTranslation } from 'react-i18next';
import { timeLeftKey, type TimeLeft } from './deadline';

/**
 * "剩 1 天 23 小时" / "超期 5 小时": each number with its unit is one unbreakable group (`<g>…</g>` in
 * the catalogue), so large text wraps between "1 天" and "23 小时", never inside "23 | 小时".
 */
export function TimeLeftText({ left }: { left: TimeLeft }) {
  const { t } = useTranslation('needs');
  const words = t(timeLeftKey(left), left);
  return <>{words.split(/<g>(.*?)<\/g>/).map((part, i) => (i % 2 === 1 ? <span key={i} className="lx-nowrap">{part}</span> : part))}</>;
}
