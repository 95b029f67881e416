import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { NeedSummary } from '../needs.api';
import { AssignModal } from './AssignModal';
import { DeclineModal } from './DeclineModal';
import { useDeskAction } from './use-desk-action';

/**
 * Take, decline or staff one order from the inbox row. The row has no `actions` list, so the
 * buttons follow the state; the server still decides, and a stale row is refreshed on refusal.
 */
export function InboxRowActions({ need }: { need: NeedSummary }) {
  const { t } = useTranslation('needs');
  const { run, pendingAction } = useDeskAction(need);
  const [dialog, setDialog] = useState<'decline' | 'assign' | null>(null);
  const toTake = need.status === 'dispatched';
  const toAssign = (need.status === 'taken' || need.status === 'claimed') && need.filled < need.slots;
  const submit = async (action: 'decline' | 'assign', body: object) => {
    if (await run(action, body)) setDialog(null);
  };

  return (
    <Space size={0} split={<span className="lx-action-split" />}>
      {toTake && (
        <Popconfirm title={t('confirm.take')} onConfirm={() => void run('take')}>
          <Button type="link" size="small" loading={pendingAction === 'take'} data-action="take">
            {t('action.take')}
          </Button>
        </Popconfirm>
      )}
      {toTake && !need.rulingPending && (
        <Button type="link" size="small" danger onClick={() => setDialog('decline')} data-action="decline">
          {t('action.decline')}
        </Button>
      )}
      {toAssign && (
        <Button type="link" size="small" onClick={() => setDialog('assign')} data-action="assign">
          {t('action.assign')}
        </Button>
      )}
      <Link to={`/needs/${need.id}`} className="lx-row-link">
        {t('view')}
      </Link>
      {dialog === 'decline' && <DeclineModal declineCount={0} loading={pendingAction === 'decline'} onCancel={() => setDialog(null)} onSubmit={(body) => void submit('decline', body)} />}
      {dialog === 'assign' && <AssignModal need={need} loading={pendingAction === 'assign'} onCancel={() => setDialog(null)} onSubmit={(body) => void submit('assign', body)} />}
    </Space>
  );
}
