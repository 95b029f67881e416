import { useTranslation } from 'react-i18next';
import { timeLeftKey, type TimeLeft } from './deadline';

/**
 * "剩 1 天 23 小时" / "超期 5 小时": each number with its unit is one unbreakable group (`<g>…</g>` in
 * the catalogue), so large text never breaks inside "23 | 小时"; the whole phrase stays on one line
 * while it fits one (`.lx-time-left`), so "剩" does not end a line either.
 */
export function TimeLeftText({ left }: { left: TimeLeft }) {
  const { t } = useTranslation('needs');
  const words = t(timeLeftKey(left), left);
  // the phrase is short enough to keep whole (it moves to the next line instead); were it ever not, it breaks between groups
  return (
    <span className="lx-time-left">{words.split(/<g>(.*?)<\/g>/).map((part, i) => (i % 2 === 1 ? <span key={i} className="lx-nowrap">{part}</span> : part))}</span>
  );
}
