import { Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CardLoading } from '../../../components/CardLoading';
import { useMyUnits, usePartnerUnit } from '../partners.queries';
import { UnitSummary } from './UnitSummary';
import './partners-h5.css';

/** The phone home of a partner unit's contact: its members reporting in and those behind the yearly minimum, one tap to the unit's page. */
export function H5UnitCard() {
  const { t } = useTranslation('partners');
  const navigate = useNavigate();
  const mine = useMyUnits();
  const unit = usePartnerUnit(mine.data?.[0]?.id);
  const u = unit.data;
  return (
    <Card title={u?.name ?? t('menu.mine')} className="lx-h5-card" onClick={() => navigate('/h5/partner-unit')} data-testid="h5-unit-card">
      {(mine.isLoading || unit.isLoading) && <CardLoading testId="h5-unit-card-loading" />}
      {mine.data?.length === 0 && <p className="lx-h5-partner-meta">{t('h5.noUnit')}</p>}
      {u && (
        <>
          <UnitSummary year={u.year} minimum={u.minimumHours} />
          <div className="lx-h5-partner-stats">
            <div>
              <strong>{u.memberCount}</strong>
              <span>{t('counts.members')}</span>
            </div>
            <div>
              <strong className={u.behindCount > 0 ? 'lx-h5-partner-behind' : undefined}>{u.behindCount}</strong>
              <span>{t('counts.behind')}</span>
            </div>
          </div>
        </>
      )}
    </Card>
  );
}
