import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VolunteerStatus } from '../volunteers.api';

const colors: Record<VolunteerStatus, string> = { applied: 'processing', active: 'success', refused: 'default', suspended: 'error', left: 'default' };

export function VolunteerStatusTag({ status }: { status: VolunteerStatus }) {
  const { t } = useTranslation('volunteers');
  return (
    <Tag color={colors[status]} bordered={false} data-testid="volunteer-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

/** ★★ with the level in words for screen readers. */
export function Stars({ count }: { count: number }) {
  const { t } = useTranslation('volunteers');
  if (count === 0) return <span className="lx-muted">{t('noStar')}</span>;
  return (
    <span className="lx-volunteer-stars" aria-label={t('starLevel', { count })} title={t('starLevel', { count })}>
      {'★'.repeat(count)}
    </span>
  );
}
