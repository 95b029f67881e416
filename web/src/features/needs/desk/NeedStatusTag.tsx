import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedSummary, Severity } from '../needs.api';
import { isOverdue, statusTone, whistleClosed, type StatusTone } from '../needs.format';

const toneColor: Record<StatusTone, string> = { new: 'blue', working: 'processing', waiting: 'gold', done: 'success', stopped: 'default', alert: 'volcano' };

/**
 * The state as a coloured tag, plus "overdue" in red while the deadline has passed (SPEC §5). An
 * escalated need whose whistle the street has closed says so (已结束吹哨), not 已吹哨.
 */
export function NeedStatusTag({ need }: { need: Pick<NeedSummary, 'status' | 'deadlineAt'> & Partial<Pick<NeedSummary, 'whistle'>> }) {
  const { t } = useTranslation('needs');
  const closed = whistleClosed(need);
  return (
    <Space size={4} wrap>
      <Tag color={toneColor[closed ? 'waiting' : statusTone(need.status)]} bordered={false} data-testid="need-status" data-status={need.status} data-whistle={need.whistle ?? undefined}>
        {closed ? t('whistleClosed') : t(`status.${need.status}`)}
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
