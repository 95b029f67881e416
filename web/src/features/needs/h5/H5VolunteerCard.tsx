import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CardLoading } from '../../../components/CardLoading';
import { useServingVolunteer, VolunteerFigures } from '../../volunteers/h5/VolunteerFigures';
import { needsApi } from '../needs.api';
import { needKeys } from '../needs.queries';
import { taskStages } from '../needs.stages';
import { CountButton } from './CountButton';
import { NeedCard } from './NeedCard';
import './needs-h5.css';

const openTasks = taskStages.find((s) => s.key === 'open')!;

/**
 * The volunteer's home card (我的志愿服务): hours and points, how many tasks are open and how many orders
 * wait in the pool of their community, then the one thing to do now — the task due first, or else the
 * pool's oldest order.
 */
export function H5VolunteerCard() {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const { mine, volunteer } = useServingVolunteer();
  const serving = volunteer?.status === 'active';
  // due first: the task whose deadline comes next is the one to do now
  const tasks = useQuery({
    queryKey: [...needKeys.lists, 'home', 'tasks'],
    queryFn: ({ signal }) => needsApi.list({ view: 'tasks', status: openTasks.status, sort: 'deadline', page: 1, pageSize: 1 }, signal),
    enabled: serving,
  });
  const pool = useQuery({
    queryKey: [...needKeys.lists, 'home', 'pool'],
    queryFn: ({ signal }) => needsApi.list({ view: 'pool', page: 1, pageSize: 1 }, signal),
    enabled: serving,
  });
  if (mine.isLoading) return <CardLoading testId="h5-volunteer-card-loading" />;
  if (!volunteer) return null;
  const nextTask = tasks.data?.items[0];
  // the one thing to do now is the task due first, else the pool's oldest: known once both have answered
  const nextLoading = tasks.isLoading || (!nextTask && pool.isLoading);
  const nextPooled = nextTask ? undefined : pool.data?.items[0];
  return (
    <Card title={t('h5.volunteerCard.title')} className="lx-h5-card" data-testid="h5-volunteer-card">
      <VolunteerFigures onOpen={() => navigate('/h5/me')} testId="home-figures" />
      {serving && (
        <div className="lx-h5-counts">
          <CountButton count={tasks.data?.total} label={t('h5.volunteerCard.tasks')} busy={tasks.isFetching} onClick={() => navigate('/h5/tasks')} testId="volunteer-count-tasks" />
          <CountButton count={pool.data?.total} label={t('h5.volunteerCard.pool')} busy={pool.isFetching} onClick={() => navigate('/h5/pool')} testId="volunteer-count-pool" />
        </div>
      )}
      {nextLoading && <CardLoading testId="volunteer-next-loading" />}
      {nextTask && (
        <section className="lx-h5-home-next" data-testid="volunteer-next-task">
          <h3>{t('h5.volunteerCard.nextTask')}</h3>
          <NeedCard need={nextTask} />
        </section>
      )}
      {nextPooled && (
        <section className="lx-h5-home-next" data-testid="volunteer-next-pooled">
          <h3>{t('h5.volunteerCard.nextPooled')}</h3>
          <NeedCard
            need={nextPooled}
            extra={
              <Button block color="primary" fill="outline" onClick={() => navigate('/h5/pool')}>
                {t('h5.volunteerCard.toPool')}
              </Button>
            }
          />
        </section>
      )}
    </Card>
  );
}
