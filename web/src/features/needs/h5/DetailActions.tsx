import { Button, Dialog } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { tryLocate } from '../../../lib/geolocation';
import type { NeedAction, NeedDetail } from '../needs.api';
import { CancelPopup } from './CancelPopup';
import { AcceptSheet, AssignSheet, DeclineSheet, DispatchSheet } from './OrderSheets';
import { RatePopup } from './RatePopup';
import { useMobileAction } from './use-mobile-action';

/**
 * Actions done on the phone, in the order they matter; the server's `actions` decides which show:
 * the leader's take, assign and decline, the community's verify, accept, dispatch and pool, the
 * volunteer's grab, check-in and close, the requester's rating and cancel.
 */
const phoneActions = ['take', 'assign', 'verify', 'accept', 'dispatch', 'pool', 'grab', 'checkIn', 'complete', 'rate', 'decline', 'cancel'] as const satisfies readonly NeedAction[];
type Sheet = 'rate' | 'cancel' | 'decline' | 'assign' | 'dispatch' | 'accept';
const quiet: readonly NeedAction[] = ['cancel', 'decline'];

/** The bottom bar of a need: whatever this user may do now, each with its sheet or confirmation. */
export function DetailActions({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const { run, pendingAction } = useMobileAction(need.id, () => navigate('/h5/team-orders', { replace: true }));
  const [sheet, setSheet] = useState<Sheet | null>(null);
  // The home's 评价 button opens the rating sheet (?rate=1) as soon as rating is what may be done: the
  // first answer may be a cached one from before the service was closed, so this follows the actions.
  const [params] = useSearchParams();
  const rateAsked = useRef(params.get('rate') === '1');
  const mayRate = need.actions.includes('rate');
  useEffect(() => {
    if (rateAsked.current && mayRate) {
      rateAsked.current = false;
      setSheet('rate');
    }
  }, [mayRate]);
  // staff may cancel too, but that is the back office's decision with its reason; the phone's sheet is the requester's
  const actions = phoneActions.filter((a) => need.actions.includes(a) && (a !== 'cancel' || need.myRelations.includes('requester')));
  if (actions.length === 0) return null;

  const confirmThen = async (content: string, then: () => Promise<unknown>) => {
    if (await Dialog.confirm({ content })) await then();
  };
  const handlers: Record<string, () => void> = {
    grab: () => void confirmThen(t('h5.grabConfirm', { title: need.title }), () => run('grab')),
    // the position helps the community see the visit happened, but never holds the volunteer up
    checkIn: () => void confirmThen(t('h5.checkInConfirm'), async () => run('checkIn', (await tryLocate()) ?? {})),
    complete: () => navigate(`/h5/needs/${need.id}/close`),
    rate: () => setSheet('rate'),
    cancel: () => setSheet('cancel'),
    take: () => void confirmThen(t('confirm.take'), () => run('take')),
    decline: () => setSheet('decline'),
    assign: () => setSheet('assign'),
    verify: () => void confirmThen(t('confirm.verify'), () => run('verify')),
    accept: () => setSheet('accept'),
    dispatch: () => setSheet('dispatch'),
    pool: () => void confirmThen(t('confirm.pool'), () => run('pool')),
  };
  const close = async (action: Sheet, body: object) => {
    if (await run(action, body)) setSheet(null);
  };

  return (
    <>
      <div className="lx-h5-action-bar" data-testid="need-actions">
        {actions.map((action) => (
          <Button
            key={action}
            block
            size="large"
            color={quiet.includes(action) ? 'default' : 'primary'}
            loading={pendingAction === action}
            onClick={handlers[action]}
            data-action={action}
          >
            {t(`h5.action.${action}`)}
          </Button>
        ))}
      </div>
      <RatePopup visible={sheet === 'rate'} loading={pendingAction === 'rate'} onClose={() => setSheet(null)} onSubmit={(values) => void close('rate', values)} />
      <CancelPopup visible={sheet === 'cancel'} loading={pendingAction === 'cancel'} onClose={() => setSheet(null)} onSubmit={(note) => void close('cancel', { note })} />
      <DeclineSheet need={need} visible={sheet === 'decline'} loading={pendingAction === 'decline'} onClose={() => setSheet(null)} onSubmit={(body) => void close('decline', body)} />
      <AssignSheet need={need} visible={sheet === 'assign'} loading={pendingAction === 'assign'} onClose={() => setSheet(null)} onSubmit={(body) => void close('assign', body)} />
      <AcceptSheet need={need} visible={sheet === 'accept'} loading={pendingAction === 'accept'} onClose={() => setSheet(null)} onSubmit={(body) => void close('accept', body)} />
      <DispatchSheet need={need} visible={sheet === 'dispatch'} loading={pendingAction === 'dispatch'} onClose={() => setSheet(null)} onSubmit={(body) => void close('dispatch', body)} />
    </>
  );
}
