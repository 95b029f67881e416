import { useQueries } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/time';
import { needsApi, type NeedDetail } from '../needs.api';
import { needKeys } from '../needs.queries';

/**
 * Likely duplicates flagged at intake (same requester, or same place and category within 7 days),
 * each a link, so the admin can compare before merging. Ones out of reach are simply left out.
 */
export function DuplicateHints({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const others = useQueries({
    queries: need.duplicateOf.map((id) => ({ queryKey: needKeys.detail(id), queryFn: () => needsApi.get(id), retry: false, staleTime: 60_000 })),
  });
  const found = others.flatMap((q) => (q.data ? [q.data] : []));
  if (need.duplicateOf.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="lx-page-alert"
      data-testid="duplicate-hints"
      message={t('duplicateHint', { count: need.duplicateOf.length })}
      description={
        <ul className="lx-duplicates">
          {found.map((other) => (
            <li key={other.id}>
              <Link to={`/needs/${other.id}`} className="lx-mono">
                {other.number}
              </Link>{' '}
              {other.title} · {t(`status.${other.status}`)} · {formatDateTime(other.createdAt)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
