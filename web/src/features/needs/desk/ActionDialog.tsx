import { useTranslation } from 'react-i18next';
import type { NeedDetail } from '../needs.api';
import { AcceptModal } from './AcceptModal';
import { AssignModal } from './AssignModal';
import { DeclineModal } from './DeclineModal';
import { MergeModal } from './MergeModal';
import { NoteModal } from './NoteModal';
import { ReplyModal } from './ReplyModal';
import { TeamPickerModal } from './TeamPickerModal';

/** The actions that ask for something before they are sent. */
export type DialogAction = 'accept' | 'dispatch' | 'rule' | 'assign' | 'decline' | 'merge' | 'reply' | 'reject' | 'cancel' | 'escalate';

type Props = { action: DialogAction; need: NeedDetail; loading: boolean; onCancel: () => void; onSubmit: (body: object) => void };

/** The dialog that collects what an action needs: a reason, a team, a member, a merge target … */
export function ActionDialog({ action, need, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const common = { loading, onCancel };
  /** Rejecting, cancelling and escalating take a reason, which the timeline shows. */
  const withReason = (noted: 'reject' | 'cancel' | 'escalate') => (
    <NoteModal
      {...common}
      title={t(`action.${noted}`)}
      hint={t(`noteHint.${noted}`)}
      label={t('field.reason')}
      required
      danger={noted !== 'escalate'}
      onSubmit={(note) => onSubmit(note ? { note } : {})}
    />
  );
  switch (action) {
    case 'accept':
      return <AcceptModal {...common} severity={need.severity} onSubmit={onSubmit} />;
    case 'dispatch':
    case 'rule':
      return <TeamPickerModal {...common} title={t(`teamPick.${action}`)} categoryId={need.categoryId} onPick={(teamId, note) => onSubmit({ teamId, note })} />;
    case 'assign':
      return <AssignModal {...common} need={need} assigned={need.assignments.filter((a) => a.round === need.round && a.status !== 'released').map((a) => a.volunteerId)} onSubmit={onSubmit} />;
    case 'decline':
      return <DeclineModal {...common} declineCount={need.declineCount} onSubmit={onSubmit} />;
    case 'merge':
      return <MergeModal {...common} need={need} onSubmit={onSubmit} />;
    case 'reply':
      return <ReplyModal {...common} need={need} onSubmit={(note) => onSubmit({ note })} />;
    case 'reject':
    case 'cancel':
    case 'escalate':
      return withReason(action);
  }
}
