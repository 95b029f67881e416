import { useQuery } from '@tanstack/react-query';
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError, request } from '../../../api/client';
import { useMyRegistration } from '../volunteers.queries';

/**
 * The points balance, once the time bank's ledger answers GET /api/ledger/me (issue 9); until then
 * the endpoint is missing (404) and the place for points says it is coming. Typed loosely on purpose:
 * the ledger's schema is not in this build's API document yet.
 */
function usePoints() {
  return useQuery({
    queryKey: ['ledger', 'me', 'points'],
    queryFn: async () => {
      try {
        const me = await request<{ points?: number; balance?: number }>('GET', '/api/ledger/me');
        return me.points ?? me.balance ?? null;
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 60_000,
  });
}

/** 我的 for a volunteer: verified hours, points, and the record of verified service. */
export function H5MyServiceCard() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const mine = useMyRegistration();
  const points = usePoints();
  const v = mine.data?.volunteer;
  if (!v || (v.status !== 'active' && v.status !== 'suspended')) return null;
  return (
    <>
      <div className="lx-h5-figures" data-testid="me-figures">
        <div>
          <strong data-testid="me-hours">{t('hoursValue', { hours: mine.data?.card?.verifiedHours ?? v.verifiedHours })}</strong>
          <span>{t('h5.meHours')}</span>
        </div>
        <div>
          <strong>{t('hoursValue', { hours: v.hoursThisYear })}</strong>
          <span>{t('h5.meHoursYear')}</span>
        </div>
        <div data-testid="me-points">
          <strong>{points.data ?? t('h5.pointsSoon')}</strong>
          <span>{t('h5.points')}</span>
        </div>
      </div>
      <List mode="card" header={t('detail.services')} data-testid="me-services">
        {v.recentServices.length === 0 && <List.Item>{t('detail.noServices')}</List.Item>}
        {v.recentServices.slice(0, 5).map((s) => (
          <List.Item key={`${s.source}:${s.sourceId}`} description={s.servedOn} extra={t('hoursValue', { hours: s.hours })}>
            {s.title}
          </List.Item>
        ))}
        {v.recentServices.length > 5 && <List.Item onClick={() => navigate('/h5/volunteer')}>{t('h5.allServices')}</List.Item>}
      </List>
    </>
  );
}
