import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../conduct.api';

const statusColor = { recorded: 'default', appealing: 'processing', annulled: 'success', confirmed: 'warning' } as const;

/** Where an incident stands, and whether it holds the volunteer suspended. */
export function IncidentTags({ incident }: { incident: Pick<Incident, 'status' | 'suspension' | 'suspendUntil'> }) {
  const { t } = useTranslation('conduct');
  return (
    <>
      <Tag color={statusColor[incident.status]} bordered={false} data-testid="incident-status" data-status={incident.status}>
        {t(`status.${incident.status}`)}
      </Tag>
      {incident.suspension === 'active' && (
        <Tag color="red" bordered={false}>
          {incident.suspendUntil ? t('suspension.until', { day: incident.suspendUntil }) : t('suspension.open')}
        </Tag>
      )}
    </>
  );
}
