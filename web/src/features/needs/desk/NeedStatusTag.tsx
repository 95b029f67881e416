import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedSummary, Severity } from '../needs.api';
import { isOverdue, statusTone, type StatusTone } from '../needs.format';

const toneColor: Record<StatusTone, string> = { new: 'blue', working: 'processing', waiting: 'gold', done: 'success', stopped: 'default', alert: 'volcano' };

/** The state as a coloured tag, plus "overdue" in red while the deadline has passed (SPEC §5). */
export function NeedStatusTag({ need }: { need: Pick<NeedSummary, 'status' | 'deadlineAt'> }) {
  const { t } = useTranslation('needs');
  return (
    <Space size={4} wrap>
      <Tag color={toneColor[statusTone(need.status)]} bordered={false} data-testid="need-status" data-status={need.status}>
        {t(`status.${need.status}`)}
      </Tag>
      {isOverdue(need) && (
        <Tag color="red" bordered={false}>
          {t('overdue')}
        </Tag>
      )}
    </Space>
  );
}

const severityColor: Record<Severity, string> = { general: 'default', important: 'orange', major: 'red' };

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation('needs');
  return (
    <Tag color={severityColor[severity]} bordered={false}>
      {t(`severity.${severity}`)}
    </Tag>
  );
}
