import { Button, Popup, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { team: { name: string } | null; visible: boolean; loading: boolean; onClose: () => void; onSubmit: (message: string | null) => void };

function JoinForm({ team, loading, onSubmit }: Pick<Props, 'team' | 'loading' | 'onSubmit'>) {
  const { t } = useTranslation('teams');
  const [text, setText] = useState('');
  return (
    <>
      <h3 className="lx-h5-sheet-title">{t('h5.joinTitle', { name: team?.name ?? '' })}</h3>
      <p className="lx-h5-sheet-hint">{t('h5.joinHint')}</p>
      <TextArea className="lx-h5-sheet-text" placeholder={t('h5.joinPlaceholder')} maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 5 }} value={text} onChange={setText} data-testid="join-message" />
      <Button block color="primary" size="large" loading={loading} onClick={() => onSubmit(text.trim() || null)} data-testid="join-submit">
        {t('h5.join')}
      </Button>
    </>
  );
}

/** 申请加入: a word to the leader (optional), then the request. */
export function JoinPopup({ visible, onClose, ...form }: Props) {
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyClassName="lx-h5-sheet" destroyOnClose>
      <JoinForm {...form} />
    </Popup>
  );
}

/** 拒绝: the reason the requester will read. */
export function RefusePopup({ visible, onClose, loading, onSubmit }: { visible: boolean; onClose: () => void; loading: boolean; onSubmit: (reason: string) => void }) {
  const { t } = useTranslation('teams');
  const [text, setText] = useState('');
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyClassName="lx-h5-sheet" destroyOnClose afterClose={() => setText('')}>
      <h3 className="lx-h5-sheet-title">{t('requests.refuseTitle')}</h3>
      <TextArea className="lx-h5-sheet-text" placeholder={t('requests.reason')} maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 5 }} value={text} onChange={setText} data-testid="h5-refuse-reason" />
      <Button block color="danger" size="large" disabled={!text.trim()} loading={loading} onClick={() => onSubmit(text.trim())} data-testid="h5-refuse-submit">
        {t('requests.refuse')}
      </Button>
    </Popup>
  );
}
