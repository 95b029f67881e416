import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { RedemptionStatus } from '../mall.api';

const colors: Record<RedemptionStatus, 'warning' | 'success' | 'default'> = { pending: 'warning', confirmed: 'success', cancelled: 'default', expired: 'default' };

export function RedemptionTag({ status }: { status: RedemptionStatus }) {
  const { t } = useTranslation('mall');
  return (
    <Tag color={colors[status]} fill="outline">
      {t(`status.${status}`)}
    </Tag>
  );
}
