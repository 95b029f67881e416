import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '../activities.api';

const colors: Record<ActivityStatus, string> = { draft: 'default', published: 'blue', cancelled: 'red', finished: 'green' };

export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation('activities');
  return (
    <Tag color={colors[status]} bordered={false} data-testid="activity-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
