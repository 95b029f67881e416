import { AuditOutlined } from '@ant-design/icons';
import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/session';
import { usePendingCount } from './oversight.queries';
import './oversight.css';

/** Admins decide the requests of the level below: the top bar shows how many wait (待审批), one click from the list. */
const approvers = ['communityAdmin', 'streetAdmin', 'districtAdmin'];

export function DecisionsBadge() {
  const { t } = useTranslation('oversight');
  const me = useMe();
  const approver = me.account.roles.some((r) => approvers.includes(r));
  const count = usePendingCount(approver).data ?? 0;
  if (!approver) return null;
  return (
    <Tooltip title={t('badge', { count })}>
      <Link to="/oversight/decisions" className="lx-decisions-badge" aria-label={t('badge', { count })} data-testid="decisions-badge">
        <Badge count={count} size="small" offset={[4, -2]}>
          <AuditOutlined style={{ fontSize: 18, color: '#fff' }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
