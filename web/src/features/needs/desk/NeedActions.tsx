import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedAction, NeedDetail } from '../needs.api';
import { ActionDialog, type DialogAction } from './ActionDialog';
import { useDeskAction } from './use-desk-action';

/** Back-office actions in the order they are usually wanted; phone-only ones (grab, check-in …) are left out. */
const deskOrder = ['accept', 'take', 'assign', 'dispatch', 'rule', 'confirm', 'verify', 'pool', 'reply', 'merge', 'escalate', 'decline', 'reject', 'cancel'] as const satisfies readonly NeedAction[];
type DeskAction = (typeof deskOrder)[number];
/** Actions that need nothing but a yes. */
const confirmOnly = ['verify', 'pool', 'take', 'confirm'] as const satisfies readonly DeskAction[];
type ConfirmOnly = (typeof confirmOnly)[number];
const dangerous: readonly DeskAction[] = ['reject', 'cancel', 'decline'];
/** The step that moves the order on; the first of these on offer is the highlighted button. */
const forward: readonly DeskAction[] = ['accept', 'take', 'assign', 'dispatch', 'rule', 'confirm'];
const needsOnlyAYes = (action: DeskAction): action is ConfirmOnly => (confirmOnly as readonly DeskAction[]).includes(action);

type Props = { need: NeedDetail; onHidden?: () => void };

/** The buttons come from the need's `actions`: what the server says this user may do now. */
export function NeedActions({ need, onHidden }: Props) {
  const { t } = useTranslation('needs');
  const { run, pendingAction } = useDeskAction(need, onHidden);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const actions = deskOrder.filter((a) => need.actions.includes(a));
  if (actions.length === 0) return null;

  const submit = async (action: DialogAction, body?: object) => {
    if (await run(action, body)) setDialog(null);
  };

  return (
    <Space wrap data-testid="need-actions">
      {actions.map((action, i) => {
        const button = (
          <Button
            key={action}
            type={i === 0 && forward.includes(action) ? 'primary' : 'default'}
            danger={dangerous.includes(action)}
            loading={pendingAction === action}
            onClick={needsOnlyAYes(action) ? undefined : () => setDialog(action)}
            data-action={action}
          >
            {t(`action.${action}`)}
          </Button>
        );
        return needsOnlyAYes(action) ? (
          <Popconfirm key={action} title={t(`confirm.${action}`)} okText={t('common:confirm')} onConfirm={() => void run(action)}>
            {button}
          </Popconfirm>
        ) : (
          button
        );
      })}
      {dialog && <ActionDialog action={dialog} need={need} loading={pendingAction === dialog} onCancel={() => setDialog(null)} onSubmit={(body) => void submit(dialog, body)} />}
    </Space>
  );
}
