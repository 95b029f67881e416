import { ErrorBlock, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { H5TabBar } from '../../h5/H5TabBar';
import { taskStages } from '../needs.stages';
import { MobileNeedList } from './MobileNeedList';
import './needs-h5.css';

/** 我的任务: orders I grabbed or was assigned; open one to check in and to close it. */
export function H5TasksPage() {
  const { t } = useTranslation();
  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-tasks">
      <NavBar back={null}>{t('h5.needs.tasksTitle')}</NavBar>
      <MobileNeedList view="tasks" stages={taskStages} tabKeyPrefix="h5.needs.taskStage" empty={<ErrorBlock status="empty" title={t('h5.needs.tasksEmpty')} description={t('h5.needs.tasksEmptyHint')} />} />
      <H5TabBar />
    </div>
  );
}
