import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isStaff } from '../../../lib/roles';
import { useMe } from '../../auth/session';
import { needsApi, type NeedView } from '../needs.api';
import { needKeys } from '../needs.queries';
import { inboxStages, workStages, type Stage } from '../needs.stages';
import { CountButton } from './CountButton';
import './needs-h5.css';

type CountKey = 'toTake' | 'toAssign' | 'intake' | 'toDispatch' | 'overdue';
type Count = { key: CountKey; label: string; view: NeedView; stage: Stage; path: string; alert?: boolean };

const admins = ['communityAdmin', 'streetAdmin', 'districtAdmin'];

const stage = (list: readonly Stage[], key: string) => list.find((s) => s.key === key)!;

/** What this person has to do, as counts: a leader's orders to take and to staff, staff's to verify, dispatch and overdue. */
function countsFor(roles: readonly string[]): Omit<Count, 'label'>[] {
  const counts: Omit<Count, 'label'>[] = [];
  if (roles.includes('teamLeader')) {
    counts.push({ key: 'toTake', view: 'team', stage: stage(inboxStages, 'toTake'), path: '/h5/team-orders?stage=toTake' });
    counts.push({ key: 'toAssign', view: 'team', stage: stage(inboxStages, 'toAssign'), path: '/h5/team-orders?stage=toAssign' });
  }
  if (isStaff(roles)) {
    counts.push({ key: 'intake', view: 'all', stage: stage(workStages, 'intake'), path: '/h5/work?stage=intake' });
    if (roles.some((r) => admins.includes(r))) counts.push({ key: 'toDispatch', view: 'all', stage: stage(workStages, 'toDispatch'), path: '/h5/work?stage=toDispatch' });
    counts.push({ key: 'overdue', view: 'all', stage: stage(workStages, 'overdue'), path: '/h5/work?stage=overdue', alert: true });
  }
  return counts;
}

function CountTile({ item, label }: { item: Omit<Count, 'label'>; label: string }) {
  const navigate = useNavigate();
  const count = useQuery({
    queryKey: [...needKeys.lists, 'count', item.view, item.stage.key],
    queryFn: ({ signal }) => needsApi.list({ view: item.view, status: item.stage.status, due: item.stage.due, page: 1, pageSize: 1 }, signal),
    select: (page) => page.total,
  });
  return <CountButton count={count.data} label={label} alert={item.alert} busy={count.isFetching} onClick={() => navigate(item.path)} testId={`work-count-${item.key}`} />;
}

/** The home's "my work" card for team leaders and staff: counts of what waits, one tap to the list. */
export function H5WorkCard() {
  const { t } = useTranslation('needs');
  const { account } = useMe();
  const items = countsFor(account.roles);
  if (items.length === 0) return null;
  return (
    <Card title={t('h5.workCard')} className="lx-h5-card" data-testid="h5-work-card">
      <div className="lx-h5-counts">
        {items.map((item) => (
          <CountTile key={item.key} item={item} label={t(`h5.workCount.${item.key}`)} />
        ))}
      </div>
    </Card>
  );
}
