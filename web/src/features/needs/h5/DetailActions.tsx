import { Button, Dialog } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { tryLocate } from '../../../lib/geolocation';
import type { NeedAction, NeedDetail } from '../needs.api';
import { CancelPopup } from './CancelPopup';
import { RatePopup } from './RatePopup';
import { useMobileAction } from './use-mobile-action';

/** Actions done on the phone, in the order they matter; the server's `actions` decides which show. */
const phoneActions = ['grab', 'checkIn', 'complete', 'rate', 'cancel'] as const satisfies readonly NeedAction[];

/** The bottom bar of a need: grab, check in, close, rate or cancel — whatever this user may do now. */
export function DetailActions({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const { run, pendingAction } = useMobileAction(need.id);
  const [sheet, setSheet] = useState<'rate' | 'cancel' | null>(null);
  const actions = phoneActions.filter((a) => need.actions.includes(a));
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
  };
  const close = async (action: 'rate' | 'cancel', body: object) => {
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
            color={action === 'cancel' ? 'default' : 'primary'}
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
    </>
  );
}
