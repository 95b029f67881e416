import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNeedsPage } from '../needs/needs.queries';
import { taskStages } from '../needs/needs.stages';
import { useMyRegistration } from '../volunteers/volunteers.queries';

const openTasks = taskStages.find((s) => s.key === 'open')?.status;

/** A volunteer at the desk (a team leader serves too): my open tasks, served on the phone, and my verified hours. */
export function MyServiceCard() {
  const { t } = useTranslation('shell');
  const tasks = useNeedsPage({ view: 'tasks', status: openTasks, page: 1, pageSize: 1 });
  const mine = useMyRegistration();
  return (
    <Card title={t('workbench.myService')} className="lx-workbench-card" data-testid="workbench-my-service">
      <Row gutter={12}>
        <Col span={8}>
          <a href="/h5/tasks">
            <Statistic title={t('workbench.openTasks')} value={tasks.data?.total ?? 0} loading={tasks.isPending} data-testid="my-open-tasks" />
          </a>
        </Col>
        <Col span={8}>
          <Statistic title={t('workbench.verifiedHours')} value={mine.data?.card?.verifiedHours ?? 0} precision={1} loading={mine.isPending} />
        </Col>
        <Col span={8}>
          <Statistic title={t('workbench.stars')} value={mine.data?.card?.stars ?? 0} loading={mine.isPending} />
        </Col>
      </Row>
    </Card>
  );
}
