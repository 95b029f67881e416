import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useServingVolunteer, VolunteerFigures } from './VolunteerFigures';
import { HoursText } from '../../../components/HoursText';

/** 我的 for a volunteer: verified hours, points, and the record of verified service. */
export function H5MyServiceCard() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const { volunteer: v } = useServingVolunteer();
  if (!v) return null;
  return (
    <>
      <VolunteerFigures />
      <List mode="card" header={t('detail.services')} data-testid="me-services">
        {v.recentServices.length === 0 && <List.Item>{t('detail.noServices')}</List.Item>}
        {v.recentServices.slice(0, 5).map((s) => (
          <List.Item key={`${s.source}:${s.sourceId}`} description={s.servedOn} extra={<HoursText hours={s.hours} />}>
            {s.title}
          </List.Item>
        ))}
        {v.recentServices.length > 5 && <List.Item onClick={() => navigate('/h5/volunteer')}>{t('h5.allServices')}</List.Item>}
      </List>
    </>
  );
}
