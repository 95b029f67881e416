import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../lib/time';
import type { ChangeState, DeadlineChange } from './oversight.api';

const stateColor: Record<ChangeState, string> = { requested: 'processing', approved: 'success', refused: 'error', ended: 'default' };

/** A request's state as its tag reads: an ended pause resumed, an ended request lapsed with its need. */
export function ChangeStateTag({ change }: { change: Pick<DeadlineChange, 'kind' | 'state' | 'pausedAt'> }) {
  const { t } = useTranslation('oversight');
  const word = change.state === 'approved' && change.kind === 'pause' ? 'paused' : change.state === 'ended' && !change.pausedAt ? 'lapsed' : change.state;
  return <Tag color={stateColor[change.state]}>{t(`state.${word}`)}</Tag>;
}

/** What was asked, decided and done, in short lines. */
export function ChangeFacts({ change }: { change: DeadlineChange }) {
  const { t } = useTranslation('oversight');
  const lines = [
    t('facts.asked', { role: t(`common:roles.${change.requestedRole}`), name: change.requestedByName ?? '', at: formatMinute(change.requestedAt) }),
    change.kind === 'extension' ? t('facts.extension', { from: formatMinute(change.oldDeadline), to: formatMinute(change.newDeadline) }) : change.resumeOn ? t('facts.resumeOn', { day: change.resumeOn }) : null,
    change.decidedByName ? t('facts.decided', { name: change.decidedByName, at: formatMinute(change.decidedAt) }) : null,
    change.pausedAt ? t('facts.paused', { at: formatMinute(change.pausedAt) }) : null,
    change.resumedAt ? t('facts.resumed', { at: formatMinute(change.resumedAt), by: change.resumedByName ?? t('facts.system'), deadline: formatMinute(change.newDeadline) }) : null,
  ].filter((l): l is string => !!l);
  return (
    <div className="lx-oversight-change" data-testid="deadline-change" data-state={change.state} data-kind={change.kind}>
      <div className="lx-oversight-change-head">
        <Tag color={change.kind === 'pause' ? 'orange' : 'blue'}>{t(`kind.${change.kind}`)}</Tag>
        <ChangeStateTag change={change} />
      </div>
      <Typography.Paragraph className="lx-oversight-reason">{change.reason}</Typography.Paragraph>
      {change.decisionNote && <Typography.Paragraph type="secondary" className="lx-oversight-reason">{t('facts.note', { note: change.decisionNote })}</Typography.Paragraph>}
      {lines.map((l) => (
        <div key={l} className="lx-muted">
          {l}
        </div>
      ))}
    </div>
  );
}
