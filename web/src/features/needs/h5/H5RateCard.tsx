import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CardLoading } from '../../../components/CardLoading';
import { needsApi } from '../needs.api';
import { needKeys } from '../needs.queries';
import { mineStages } from '../needs.stages';
import { NeedCard } from './NeedCard';
import './needs-h5.css';

const stage = (key: string) => mineStages.find((s) => s.key === key)!;
const SHOWN = 3;

/**
 * First on a resident's home (我的需求): the needs that were served and wait for their rating (评单), each
 * one tap from its rating; else how many are being handled. Nothing when they have neither.
 */
export function H5RateCard() {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const toRate = useQuery({
    queryKey: [...needKeys.lists, 'home', 'toRate'],
    queryFn: ({ signal }) => needsApi.list({ view: 'mine', status: stage('toRate').status, page: 1, pageSize: SHOWN }, signal),
  });
  const open = useQuery({
    queryKey: [...needKeys.lists, 'home', 'open'],
    queryFn: ({ signal }) => needsApi.list({ view: 'mine', status: stage('open').status, page: 1, pageSize: 1 }, signal),
  });
  if (toRate.isLoading || open.isLoading) return <CardLoading testId="h5-rate-card-loading" />;
  const waiting = toRate.data?.total ?? 0;
  const handling = open.data?.total ?? 0;
  if (waiting === 0 && handling === 0) return null;
  return (
    <Card title={t('h5.rateCard.title')} className="lx-h5-card" data-testid="h5-rate-card">
      {waiting > 0 && (
        <section className="lx-h5-home-next" data-testid="rate-card-waiting">
          <h3>{t('h5.rateCard.waiting', { count: waiting })}</h3>
          {toRate.data?.items.map((need) => (
            <NeedCard
              key={need.id}
              need={need}
              extra={
                <Button block color="primary" onClick={() => navigate(`/h5/needs/${need.id}?rate=1`)} data-testid="rate-card-rate">
                  {t('h5.rateCard.rate')}
                </Button>
              }
            />
          ))}
          {waiting > SHOWN && (
            <button type="button" className="lx-h5-home-line" onClick={() => navigate('/h5/needs?stage=toRate')}>
              {t('h5.rateCard.all', { count: waiting })}
            </button>
          )}
        </section>
      )}
      {handling > 0 && (
        <button type="button" className="lx-h5-home-line" onClick={() => navigate('/h5/needs?stage=open')} data-testid="rate-card-open">
          {t('h5.rateCard.open', { count: handling })}
        </button>
      )}
    </Card>
  );
}
