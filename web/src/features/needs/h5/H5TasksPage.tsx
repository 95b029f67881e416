import { ErrorBlock, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { H5TabBar } from '../../h5/H5TabBar';
import { taskStages } from '../needs.stages';
import { MobileNeedList } from './MobileNeedList';
import './needs-h5.css';

/** 我的任务: orders I grabbed or was assigned; open one to check in and to close it. */
export function H5TasksPage() {
  const { t } = useTranslation('needs');
  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-tasks">
      <NavBar back={null}>{t('h5.tasksTitle')}</NavBar>
      <MobileNeedList view="tasks" stages={taskStages.map((s) => ({ ...s, label: t(`h5.taskStage.${s.key}`) }))} empty={<ErrorBlock status="empty" title={t('h5.tasksEmpty')} description={t('h5.tasksEmptyHint')} />} />
      <H5TabBar />
    </div>
  );
}
