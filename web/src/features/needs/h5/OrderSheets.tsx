import { Button, DotLoading, Popup, Radio, Space, Tag, TextArea } from 'antd-mobile';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryPath } from '../categories';
import { severities, type NeedDetail, type Severity } from '../needs.api';
import { useCategories, useDeclineReasons, useTeamMembers, useTeamsInScope } from '../needs.queries';

type Sheet<V> = { visible: boolean; loading: boolean; onClose: () => void; onSubmit: (values: V) => void };

/** One bottom sheet of the order actions: a title, a choice, an optional note and the button that sends it. */
function ActionSheet({ visible, onClose, title, hint, children, note, onNote, submit }: {
  visible: boolean; onClose: () => void; title: string; hint?: string; children: ReactNode; note: string; onNote: (v: string) => void; submit: ReactNode;
}) {
  const { t } = useTranslation('needs');
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyClassName="lx-h5-sheet lx-h5-order-sheet" destroyOnClose>
      <h3 className="lx-h5-sheet-title">{title}</h3>
      {hint && <p className="lx-h5-sheet-hint">{hint}</p>}
      <div className="lx-h5-sheet-choices">{children}</div>
      <TextArea className="lx-h5-sheet-text" aria-label={t('field.note')} placeholder={t('notePlaceholder')} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} value={note} onChange={onNote} />
      {submit}
    </Popup>
  );
}

const noteOf = (note: string) => note.trim() || undefined;

/** 退单 on the phone: one of the district's reasons; a second decline goes to the street to rule. */
export function DeclineSheet({ need, visible, loading, onClose, onSubmit }: Sheet<{ reasonCode: string; note?: string }> & { need: NeedDetail }) {
  const { t, i18n } = useTranslation('needs');
  const reasons = useDeclineReasons(visible);
  const [reason, setReason] = useState<string>();
  const [note, setNote] = useState('');
  return (
    <ActionSheet
      visible={visible}
      onClose={onClose}
      title={t('action.decline')}
      hint={need.declineCount >= 1 ? t('declineSecond') : undefined}
      note={note}
      onNote={setNote}
      submit={
        <Button block color="danger" size="large" disabled={!reason} loading={loading} onClick={() => {
          if (reason) onSubmit({ reasonCode: reason, note: noteOf(note) });
        }} data-testid="decline-submit">
          {t('action.decline')}
        </Button>
      }
    >
      {reasons.isPending && <DotLoading color="primary" />}
      <Radio.Group value={reason} onChange={(v) => setReason(String(v))}>
        <Space direction="vertical" block>
          {(reasons.data ?? []).map((r) => (
            <Radio key={r.code} value={r.code} block>
              {i18n.language === 'en' ? r.labelEn : r.label}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </ActionSheet>
  );
}

/** 指派 on the phone: the leader picks a member for the next free slot, the least busy first. */
export function AssignSheet({ need, visible, loading, onClose, onSubmit }: Sheet<{ volunteerId: string; note?: string }> & { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const roster = useTeamMembers(visible ? need.teamId : null);
  const [picked, setPicked] = useState<string>();
  const [note, setNote] = useState('');
  const serving = new Set(need.assignments.filter((a) => a.round === need.round && a.status !== 'released').map((a) => a.volunteerId));
  const members = [...(roster.data ?? [])].sort((a, b) => a.openTasks - b.openTasks || a.name.localeCompare(b.name, 'zh-CN'));
  return (
    <ActionSheet
      visible={visible}
      onClose={onClose}
      title={t('action.assign')}
      hint={t('assignHint', { filled: need.filled, slots: need.slots })}
      note={note}
      onNote={setNote}
      submit={
        <Button block color="primary" size="large" disabled={!picked} loading={loading} onClick={() => {
          if (picked) onSubmit({ volunteerId: picked, note: noteOf(note) });
        }} data-testid="assign-submit">
          {t('action.assign')}
        </Button>
      }
    >
      {roster.isPending && <DotLoading color="primary" />}
      <Radio.Group value={picked} onChange={(v) => setPicked(String(v))}>
        <Space direction="vertical" block data-testid="h5-roster">
          {members.map((m) => (
            <Radio key={m.id} value={m.id} block disabled={serving.has(m.id)} data-testid="h5-roster-member">
              <span className="lx-h5-choice">
                <span>{m.name}</span>
                <Tag color={serving.has(m.id) ? 'primary' : m.openTasks === 0 ? 'success' : 'warning'} fill="outline">
                  {serving.has(m.id) ? t('assignment.already') : m.openTasks === 0 ? t('assignment.free') : t('assignment.busy', { count: m.openTasks })}
                </Tag>
              </span>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </ActionSheet>
  );
}

/** 派单 on the phone: the teams of the admin's area, those serving the need's class first. */
export function DispatchSheet({ need, visible, loading, onClose, onSubmit }: Sheet<{ teamId: string; note?: string }> & { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const teams = useTeamsInScope(visible);
  const categories = useCategories().data ?? [];
  const [picked, setPicked] = useState<string>();
  const [note, setNote] = useState('');
  const classCode = categoryPath(categories, need.categoryId)[0]?.code;
  const fits = (codes: readonly string[]) => Boolean(classCode && codes.includes(classCode));
  const rows = [...(teams.data ?? [])].sort((a, b) => Number(fits(b.categories)) - Number(fits(a.categories)));
  return (
    <ActionSheet
      visible={visible}
      onClose={onClose}
      title={t('action.dispatch')}
      note={note}
      onNote={setNote}
      submit={
        <Button block color="primary" size="large" disabled={!picked} loading={loading} onClick={() => {
          if (picked) onSubmit({ teamId: picked, note: noteOf(note) });
        }} data-testid="dispatch-submit">
          {t('action.dispatch')}
        </Button>
      }
    >
      {teams.isPending && <DotLoading color="primary" />}
      <Radio.Group value={picked} onChange={(v) => setPicked(String(v))}>
        <Space direction="vertical" block>
          {rows.map((team) => (
            <Radio key={team.id} value={team.id} block>
              <span className="lx-h5-choice">
                <span>{team.name}</span>
                {fits(team.categories) && (
                  <Tag color="success" fill="outline">
                    {t('team.fits')}
                  </Tag>
                )}
              </span>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </ActionSheet>
  );
}

/** 受理 on the phone: the severity sets the deadline ("2310"). */
export function AcceptSheet({ need, visible, loading, onClose, onSubmit }: Sheet<{ severity: Severity; note?: string }> & { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const [severity, setSeverity] = useState<Severity>(need.severity);
  const [note, setNote] = useState('');
  return (
    <ActionSheet
      visible={visible}
      onClose={onClose}
      title={t('action.accept')}
      hint={t('severityHint')}
      note={note}
      onNote={setNote}
      submit={
        <Button block color="primary" size="large" loading={loading} onClick={() => onSubmit({ severity, note: noteOf(note) })} data-testid="accept-submit">
          {t('action.accept')}
        </Button>
      }
    >
      <Radio.Group value={severity} onChange={(v) => setSeverity(v as Severity)}>
        <Space direction="vertical" block>
          {severities.map((s) => (
            <Radio key={s} value={s} block>
              {t(`severity.${s}`)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </ActionSheet>
  );
}
