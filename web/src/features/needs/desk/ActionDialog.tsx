import { useTranslation } from 'react-i18next';
import type { NeedDetail } from '../needs.api';
import { AcceptModal } from './AcceptModal';
import { AssignModal } from './AssignModal';
import { DeclineModal } from './DeclineModal';
import { MergeModal } from './MergeModal';
import { NoteModal } from './NoteModal';
import { ReplyModal } from './ReplyModal';
import { TeamPickerModal } from './TeamPickerModal';

type Props = { action: string; need: NeedDetail; loading: boolean; onCancel: () => void; onSubmit: (body: object) => void };

/** The dialog that collects what an action needs: a reason, a team, a member, a merge target … */
export function ActionDialog({ action, need, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const common = { loading, onCancel };
  const withNote = (required: boolean) => (
    <NoteModal
      {...common}
      title={t(`needs.action.${action}`)}
      hint={t(`needs.noteHint.${action}`)}
      label={t(required ? 'needs.field.reason' : 'needs.field.note')}
      required={required}
      danger={action !== 'escalate'}
      onSubmit={(note) => onSubmit(note ? { note } : {})}
    />
  );
  switch (action) {
    case 'accept':
      return <AcceptModal {...common} severity={need.severity} onSubmit={onSubmit} />;
    case 'dispatch':
    case 'rule':
      return <TeamPickerModal {...common} title={t(`needs.teamPick.${action}`)} categoryId={need.categoryId} onPick={(teamId, note) => onSubmit({ teamId, note })} />;
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
      return withNote(true);
    default:
      return null;
  }
}
