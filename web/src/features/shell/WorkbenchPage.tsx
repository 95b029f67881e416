import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useTodoCounts } from '../needs/needs.queries';
import { allows, can, useMe } from '../auth/session';
import { EntryCards } from './EntryCards';
import { FiguresOverview } from './FiguresOverview';
import { MyServiceCard } from './MyServiceCard';
import { ScopeFigures } from './ScopeFigures';
import { TodoCards } from './TodoCards';

/**
 * 首页: what do I do now. Staff see the to-dos of their subtree, the assessment figures and where the
 * open work lies; a team leader sees their teams' orders; whoever volunteers too, their open tasks and
 * hours. Every count opens the list it counts.
 */
export function WorkbenchPage() {
  const { t } = useTranslation('shell');
  const me = useMe();
  const staff = allows(me, 'staff');
  const view = staff ? 'all' : 'team';
  const counts = useTodoCounts({ view });

  return (
    <>
      <PageHeader
        title={t('workbench.greeting', { name: me.account.name })}
        description={staff ? t('scope', { name: me.scope.regionName ?? '' }) : t('workbench.leaderHint')}
      />
      <TodoCards counts={counts.data} view={view} />
      {me.account.roles.includes('volunteer') && (
        <Row gutter={[16, 16]} className="lx-workbench-row">
          <Col span={24}>
            <MyServiceCard />
          </Col>
        </Row>
      )}
      {staff && <FiguresOverview counts={counts.data} />}
      {staff && can(me, 'regions.read') && (
        <Row gutter={[16, 16]} className="lx-workbench-row">
          <Col span={24}>
            <ScopeFigures />
          </Col>
        </Row>
      )}
      <EntryCards />
    </>
  );
}
